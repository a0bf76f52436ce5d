package com.convene.desktop.app.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SingleInstanceTest {
  private Path dir;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger activations = new AtomicInteger();

  @BeforeEach
  void directory() throws IOException {
    // short path under /tmp: Unix domain socket paths are limited to about 100 bytes
    dir = Files.createTempDirectory("cvn").resolve("run");
  }

  @AfterEach
  void removeDirectory() throws IOException {
    try (var files = Files.walk(dir.getParent())) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private SingleInstance.Claim claim(Optional<String> link) throws IOException {
    return SingleInstance.claim(dir, link, received::add, activations::incrementAndGet, Duration.ofSeconds(2));
  }

  @Test
  void firstLaunchRunsAndLaterLaunchesHandTheirLinkOver() throws Exception {
    SingleInstance.Claim first = claim(Optional.of("convene://join/aaa-bbbb-ccc"));
    assertThat(first).isInstanceOf(SingleInstance.Primary.class);
    assertThat(Files.getPosixFilePermissions(dir)).hasSize(3); // rwx for the owner only
    try (SingleInstance running = ((SingleInstance.Primary) first).instance()) {
      SingleInstance.Claim second = claim(Optional.of("convene://join/abc-defg-hij"));
      assertThat(second).isEqualTo(new SingleInstance.HandedOff("convene://join/abc-defg-hij"));
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
      assertThat(received).containsExactly("convene://join/abc-defg-hij");

      assertThat(claim(Optional.empty())).isEqualTo(new SingleInstance.HandedOff(null));
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> activations.get() == 1);
    }
  }

  @Test
  void afterTheFirstInstanceClosesTheNextLaunchRuns() throws Exception {
    SingleInstance.Claim first = claim(Optional.empty());
    ((SingleInstance.Primary) first).instance().close();
    SingleInstance.Claim next = claim(Optional.empty());
    assertThat(next).isInstanceOf(SingleInstance.Primary.class);
    ((SingleInstance.Primary) next).instance().close();
  }

  @Test
  void aStaleSocketFileDoesNotStopTheNextLaunch() throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("instance.sock"), "left by a crash");
    SingleInstance.Claim claim = claim(Optional.empty());
    assertThat(claim).isInstanceOf(SingleInstance.Primary.class);
    ((SingleInstance.Primary) claim).instance().close();
  }

  @Test
  void ignoresLinesThatAreNotMeetingLinks() throws Exception {
    SingleInstance.Claim first = claim(Optional.empty());
    try (SingleInstance running = ((SingleInstance.Primary) first).instance()) {
      send("open file:///etc/passwd");
      send("open convene://join/abc-defg-hij;reboot");
      try {
        send("x".repeat(10_000));
      } catch (IOException expected) {
        // the instance stops reading after 2,048 characters and closes: a reset for the sender
      }
      send("open convene://join/abc-defg-hij");
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
      assertThat(received).containsExactly("convene://join/abc-defg-hij");
      assertThat(activations).hasValue(0);
    }
  }

  private void send(String line) throws IOException {
    try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(dir.resolve("instance.sock")))) {
      client.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
      client.shutdownOutput();
      client.read(ByteBuffer.allocate(16));
    }
  }
}
