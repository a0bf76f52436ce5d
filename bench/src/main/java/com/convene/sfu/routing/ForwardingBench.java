package com.convene.sfu.routing;

import com.convene.sfu.MediaKind;
import com.convene.sfu.PublishedTrack;
import com.convene.sfu.dtls.DtlsCertificate;
import com.convene.sfu.sdp.Codec;
import com.convene.sfu.sdp.OfferedTrack;
import com.convene.sfu.srtp.PacketBuffer;
import com.convene.sfu.srtp.SrtpKeys;
import com.convene.sfu.srtp.SrtpProfile;
import com.convene.sfu.srtp.SrtpSession;
import com.convene.sfu.transport.UdpSocketLoop;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/// Benchmark harness (not a test) of the SFU's media path: how much of one core the socket loop spends per
/// forwarded packet, and so how many packets — and 360p video streams — one core forwards.
///
/// It runs the real [UdpSocketLoop] and [MediaRouter] on loopback: `publishers` clients send SRTP-protected
/// 1,100-byte VP8-sized RTP packets at `rate` packets/s each, every subscriber receives every publisher's track
/// (`subscribers` forwarding copies per packet), and the loop unprotects, checks, stores for retransmission,
/// writes reception statistics and protects each copy again per subscriber, as in a call. ICE and DTLS are skipped:
/// addresses are bound and SRTP keys set as the DTLS handshake would. Clients run in the same process and share the
/// machine's cores, so the figures are a floor.
///
/// ```
/// mvn -q -pl bench -am -DskipTests -Pbench verify -Dbench.main=com.convene.sfu.routing.ForwardingBench \
///   -Dbench.args="--publishers=4 --subscribers=4 --rate=300 --seconds=20"
/// ```
public final class ForwardingBench {
    private static final PrintStream OUT = System.out;
    private static final int PAYLOAD = 1_100;
    private static final SrtpProfile PROFILE = SrtpProfile.AES128_CM_HMAC_SHA1_80;
    /// Next sequence number per publisher, kept across the warm-up and the measured run (SRTP refuses replays).
    private static int[] sequence = new int[0];
    private static long clockTick;

    private ForwardingBench() {
    }

    /// One client end: its socket and the SRTP session with the SFU's keys swapped.
    private record Client(DatagramChannel channel, SrtpSession srtp, PeerTransport transport) {}

    /// Runs the benchmark; prints one result line.
    public static void main(String[] args) throws Exception {
        int publishers = intArg(args, "publishers", 4);
        int subscribers = intArg(args, "subscribers", 4);
        int rate = intArg(args, "rate", 300);
        int seconds = intArg(args, "seconds", 20);
        SecureRandom random = new SecureRandom();

        UdpSocketLoop loop = UdpSocketLoop.bind("127.0.0.1", 0);
        MediaRouter router = new MediaRouter(loop, DtlsCertificate.generate(), 500_000_000L);
        loop.start(router);
        InetSocketAddress sfu = new InetSocketAddress("127.0.0.1", loop.port());

        List<Client> senders = new ArrayList<>();
        List<TrackRoute> routes = new ArrayList<>();
        Codec vp8 = new Codec(MediaKind.VIDEO, 96, "VP8/90000", null, List.of("nack", "nack pli"), 97);
        for (int p = 0; p < publishers; p++) {
            Client client = connect(router, loop, "pub-" + p, PeerTransport.Role.PUBLISH, random);
            int ssrc = 0x1000 + p;
            PublishedTrack track = new PublishedTrack("p" + p, "s" + p, "video-" + p, MediaKind.VIDEO, ssrc, "0");
            TrackRoute route = router.newRoute(client.transport(), track,
                    new OfferedTrack("0", "s" + p, "video-" + p, ssrc, "cname-" + p, vp8, 0x2000 + p));
            router.setPublished(client.transport(), new TrackRoute[] {route});
            senders.add(client);
            routes.add(route);
        }
        List<Client> receivers = new ArrayList<>();
        AtomicLong received = new AtomicLong();
        for (int s = 0; s < subscribers; s++) {
            Client client = connect(router, loop, "sub-" + s, PeerTransport.Role.SUBSCRIBE, random);
            router.setSubscribed(client.transport(), routes.toArray(TrackRoute[]::new));
            receivers.add(client);
            Thread.ofPlatform().daemon().name("bench-receiver-" + s).start(() -> receive(client, received));
        }
        awaitLoop(loop); // the routing updates above are queued on the loop; this runs after them

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long loopThread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("sfu-udp-")).findFirst().orElseThrow().threadId();
        // warm-up, then the measured run
        send(senders, rate, 3, sfu);
        long receivedBefore = received.get();
        long forwardedBefore = router.stats().packetsForwarded();
        long cpuBefore = threads.getThreadCpuTime(loopThread);
        long wallBefore = System.nanoTime();
        long sent = send(senders, rate, seconds, sfu);
        awaitDelivered(router, received, forwardedBefore, receivedBefore);
        long wall = System.nanoTime() - wallBefore;
        long cpu = threads.getThreadCpuTime(loopThread) - cpuBefore;
        long forwarded = router.stats().packetsForwarded() - forwardedBefore;
        long got = received.get() - receivedBefore;

        double loopShare = (double) cpu / wall;
        double microsPerForward = forwarded == 0 ? 0 : cpu / 1_000.0 / forwarded;
        double forwardsPerCore = forwarded / (cpu / 1e9);
        // a 360p camera at about 600 kbit/s is about 65 packets/s of this size
        double streamsPerCore = forwardsPerCore / 65;
        OUT.printf(Locale.ROOT, "FORWARDING publishers=%d subscribers=%d rate=%d pkt/s each seconds=%d: sent=%d "
                        + "forwarded=%d received=%d (%.2f %% lost on loopback) loop CPU=%.1f %% of a core; "
                        + "%.2f us per forwarded packet; %.0f forwarded packets/s per core (~%.0f 360p streams "
                        + "out per core); drops=%s%n",
                publishers, subscribers, rate, seconds, sent, forwarded, got,
                forwarded == 0 ? 0 : 100.0 * (forwarded - got) / forwarded, 100 * loopShare, microsPerForward,
                forwardsPerCore, streamsPerCore, router.stats().drops().entrySet().stream()
                        .filter(e -> e.getValue() > 0).map(e -> e.getKey() + "=" + e.getValue()).toList());
        for (Client client : senders) {
            client.channel().close();
        }
        for (Client client : receivers) {
            client.channel().close();
        }
        loop.close();
    }

    /// Waits until the loop has run every task queued before this call (its queue is first in, first out).
    private static void awaitLoop(UdpSocketLoop loop) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        if (!loop.execute(done::countDown) || !done.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the SFU loop did not run the routing updates");
        }
    }

    /// Waits (at most 5 s) until the receivers got every copy the loop forwarded since the measurement began, or
    /// their count stops growing (copies lost on loopback are reported as such).
    private static void awaitDelivered(MediaRouter router, AtomicLong received, long forwardedBefore,
            long receivedBefore) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long last = -1;
        while (System.nanoTime() < deadline) {
            long got = received.get() - receivedBefore;
            if (got >= router.stats().packetsForwarded() - forwardedBefore || got == last) {
                return;
            }
            last = got;
            TimeUnit.MILLISECONDS.sleep(50); // polling the counters, bounded by the deadline
        }
    }

    /// A client socket whose transport is bound and keyed as after ICE and DTLS.
    private static Client connect(MediaRouter router, UdpSocketLoop loop, String name, PeerTransport.Role role,
            SecureRandom random) throws Exception {
        DatagramChannel channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        channel.socket().setReceiveBufferSize(4 << 20);
        PeerTransport transport = router.newTransport(name, role, () -> { });
        byte[] material = new byte[2 * (PROFILE.keyLength() + PROFILE.saltLength())];
        random.nextBytes(material);
        SrtpKeys keys = SrtpKeys.fromExporter(PROFILE, material);
        InetSocketAddress address = (InetSocketAddress) channel.getLocalAddress();
        CountDownLatch bound = new CountDownLatch(1);
        loop.execute(() -> {
            router.bind(transport, address, true);
            bound.countDown();
        });
        bound.await(5, TimeUnit.SECONDS);
        router.onSrtpKeys(transport, keys);
        SrtpSession client = new SrtpSession(new SrtpKeys(PROFILE, keys.serverKey(), keys.serverSalt(),
                keys.clientKey(), keys.clientSalt()));
        return new Client(channel, client, transport);
    }

    /// Sends `rate` packets/s from every publisher for `seconds`, paced per 10 ms; returns how many were sent.
    private static long send(List<Client> senders, int rate, int seconds, InetSocketAddress sfu) throws Exception {
        if (sequence.length != senders.size()) {
            sequence = new int[senders.size()];
        }
        PacketBuffer packet = new PacketBuffer();
        byte[] rtp = new byte[12 + PAYLOAD];
        long sent = 0;
        long start = System.nanoTime();
        long ticks = seconds * 100L;
        double perTick = rate / 100.0;
        double owed = 0;
        for (long tick = 0; tick < ticks; tick++) {
            owed += perTick;
            while (owed >= 1) {
                owed -= 1;
                for (int p = 0; p < senders.size(); p++) {
                    int seq = sequence[p]++ & 0xFFFF;
                    rtp[0] = (byte) 0x80;
                    rtp[1] = 96;
                    rtp[2] = (byte) (seq >> 8);
                    rtp[3] = (byte) seq;
                    long timestamp = (clockTick * 900L) & 0xFFFF_FFFFL;
                    rtp[4] = (byte) (timestamp >> 24);
                    rtp[5] = (byte) (timestamp >> 16);
                    rtp[6] = (byte) (timestamp >> 8);
                    rtp[7] = (byte) timestamp;
                    int ssrc = 0x1000 + p;
                    rtp[8] = (byte) (ssrc >> 24);
                    rtp[9] = (byte) (ssrc >> 16);
                    rtp[10] = (byte) (ssrc >> 8);
                    rtp[11] = (byte) ssrc;
                    packet.copyFrom(rtp, 0, rtp.length);
                    senders.get(p).srtp().protectRtp(packet, ssrc);
                    senders.get(p).channel().send(ByteBuffer.wrap(packet.getBuffer(), packet.getOffset(),
                            packet.getLength()), sfu);
                    sent++;
                }
            }
            long due = start + (tick + 1) * 10_000_000L;
            clockTick++;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        return sent;
    }

    private static void receive(Client client, AtomicLong received) {
        ByteBuffer buffer = ByteBuffer.allocate(2_048);
        try {
            while (client.channel().isOpen()) {
                buffer.clear();
                client.channel().receive(buffer);
                received.incrementAndGet();
            }
        } catch (java.io.IOException e) {
            // closed at the end
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (String arg : args) {
            for (String part : arg.split("\\s+")) {
                if (part.startsWith("--" + name + "=")) {
                    return Integer.parseInt(part.substring(name.length() + 3));
                }
            }
        }
        return fallback;
    }
}
