package com.convene.backend.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.convene.backend.BackendTestSupport;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/// Finding 8 of issue 15: the Redis client's DNS resolver held two UDP sockets on all addresses, and junk sent to
/// them wrote about 20 stack-trace lines per datagram, with the attacker's bytes, into the log.
///
/// With Redis in use (a PING over the backend's own connection), this test lists the UDP sockets of this JVM from
/// `/proc` and asserts that none is bound to a wildcard address (the test configuration binds the SFU to 127.0.0.1).
/// Then it replays the attack: 200 datagrams of random junk with a marker to every UDP port the JVM holds, and
/// asserts that the log got at most 10 lines for them and that none contains the marker or the junk's bytes.
@MicronautTest(transactional = false)
class UdpListenersIT extends BackendTestSupport {
    private static final int JUNK_DATAGRAMS = 200;

    @Inject
    StatefulRedisConnection<String, String> redis;

    @Test
    void noUdpSocketOnAWildcardAddressAndJunkLeavesNoRawBytesInTheLog() throws Exception {
        assertThat(redis.sync().ping()).isEqualTo("PONG");

        List<UdpSocket> sockets = udpSocketsOfThisProcess();
        assertThat(sockets).as("UDP sockets of the backend JVM").allSatisfy(socket ->
                assertThat(socket.wildcard()).as("%s bound to a wildcard address", socket).isFalse());

        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        String marker = "JUNK-" + Long.toHexString(new Random().nextLong());
        byte[] junk = junk(marker);
        try (DatagramSocket attacker = new DatagramSocket()) {
            for (UdpSocket socket : sockets) {
                for (int i = 0; i < JUNK_DATAGRAMS; i++) {
                    attacker.send(new DatagramPacket(junk, junk.length, InetAddress.getLoopbackAddress(),
                            socket.port()));
                }
            }
            Thread.sleep(1000); // let the receivers read and (not) log what was sent
        } finally {
            root.detachAppender(log);
        }
        String junkHex = HexFormat.of().formatHex(junk, marker.length(), marker.length() + 8);
        List<String> lines = log.list.stream().map(UdpListenersIT::fullText).toList();
        assertThat(lines).as("log lines while junk arrived").hasSizeLessThanOrEqualTo(10);
        assertThat(lines).allSatisfy(line -> assertThat(line)
                .doesNotContain(marker).doesNotContainIgnoringCase(junkHex));
    }

    private static byte[] junk(String marker) {
        byte[] random = new byte[120];
        new Random(8).nextBytes(random);
        byte[] prefix = marker.getBytes(StandardCharsets.US_ASCII);
        byte[] junk = new byte[prefix.length + random.length];
        System.arraycopy(prefix, 0, junk, 0, prefix.length);
        System.arraycopy(random, 0, junk, prefix.length, random.length);
        return junk;
    }

    private static String fullText(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (var proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
            text.append('\n').append(proxy.getClassName()).append(": ").append(proxy.getMessage());
        }
        return text.toString();
    }

    /// One UDP socket of this process, from `/proc/self/net/udp{,6}`.
    record UdpSocket(String file, String localAddressHex, int port) {
        boolean wildcard() {
            return localAddressHex.chars().allMatch(c -> c == '0');
        }
    }

    /// The UDP sockets whose inodes this process holds open (`/proc/self/fd` links `socket:[inode]`).
    private static List<UdpSocket> udpSocketsOfThisProcess() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing
                }
            }
        }
        List<UdpSocket> sockets = new ArrayList<>();
        for (String file : List.of("/proc/self/net/udp", "/proc/self/net/udp6")) {
            List<String> rows = Files.readAllLines(Path.of(file));
            for (String row : rows.subList(1, rows.size())) {
                String[] columns = row.trim().split("\\s+");
                if (inodes.contains(columns[9])) {
                    String[] local = columns[1].split(":");
                    sockets.add(new UdpSocket(file, local[0], Integer.parseInt(local[1], 16)));
                }
            }
        }
        return sockets;
    }
}
