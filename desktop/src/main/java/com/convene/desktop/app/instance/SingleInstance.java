package com.convene.desktop.app.instance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The one running app of a user, or the hand-off of a later launch to it.
///
/// In `directory` (the user's runtime directory, mode 700): `instance.lock`, held with an OS file lock for as
/// long as the first instance runs (the OS drops it when the process dies, so a crash leaves nothing stale), and
/// `instance.sock` (the lock file holds the pid of that instance), a Unix domain socket on which that instance accepts one line per connection:
/// `open convene://join/<code>` or `activate`. A later launch that cannot take the lock connects, sends its line
/// and exits. Links received are checked again with [DeepLink] before they reach the app.
public final class SingleInstance implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);
  private static final int MAX_LINE_CHARS = 2_048;

  private final FileChannel lockFile;
  private final FileLock lock;
  private final ServerSocketChannel server;
  private final Path socket;
  private final Thread acceptor;

  private SingleInstance(FileChannel lockFile, FileLock lock, ServerSocketChannel server, Path socket,
      Consumer<String> onLink, Runnable onActivate) {
    this.lockFile = lockFile;
    this.lock = lock;
    this.server = server;
    this.socket = socket;
    this.acceptor = Thread.ofPlatform().daemon().name("convene-instance").start(() -> serve(onLink, onActivate));
  }

  /// What [#claim] did.
  public sealed interface Claim permits Primary, HandedOff, Alone {}

  /// This process is the running instance; close it at exit. `onLink` and `onActivate` run on the acceptor thread.
  /// @param instance the lock and the listening socket
  public record Primary(SingleInstance instance) implements Claim {}

  /// Another instance runs and took `link` (or the request to come to the front); this process should exit.
  /// @param link the link handed over, or `null` when there was none
  public record HandedOff(@Nullable String link) implements Claim {}

  /// Another instance holds the lock but did not answer within the wait: run without a channel.
  /// @param reason why the hand-off failed, for the log
  public record Alone(String reason) implements Claim {}

  /// Becomes the running instance, or hands `link` to the one that runs.
  /// @param directory  per-user directory for the lock and the socket; created with mode 700 where POSIX
  /// @param link       the launch's meeting link, or empty
  /// @param onLink     receives each link later launches hand over (any thread)
  /// @param onActivate called when a later launch had no link (bring the window to the front)
  /// @param wait       how long to retry connecting while the other instance is still starting, 0–30 s
  public static Claim claim(Path directory, Optional<String> link, Consumer<String> onLink, Runnable onActivate,
      Duration wait) throws IOException {
    createPrivateDirectory(directory);
    Path socket = directory.resolve("instance.sock");
    FileChannel lockFile = FileChannel.open(directory.resolve("instance.lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = lockFile.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this JVM already (tests run two "instances" in one process)
    }
    if (lock != null) {
      // the running instance's pid, for people and tests (the lock, not the content, decides who runs)
      lockFile.truncate(0).write(ByteBuffer.wrap(
          (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      Files.deleteIfExists(socket); // left by an instance that died
      ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(socket));
      LOG.info("Running as the single Convene instance ({})", socket);
      return new Primary(new SingleInstance(lockFile, lock, server, socket, onLink, onActivate));
    }
    lockFile.close();
    String line = link.map(l -> "open " + l).orElse("activate");
    long deadline = System.nanoTime() + wait.toNanos();
    IOException last = null;
    do {
      try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
        client.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
        client.shutdownOutput();
        client.read(ByteBuffer.allocate(16)); // the other side closes after it took the line
        LOG.info("Handed {} to the running Convene instance", link.orElse("activation"));
        return new HandedOff(link.orElse(null));
      } catch (IOException e) {
        last = e;
        sleepQuietly(Duration.ofMillis(200));
      }
    } while (System.nanoTime() < deadline);
    return new Alone("the running instance did not answer on " + socket + ": " + last);
  }

  private void serve(Consumer<String> onLink, Runnable onActivate) {
    while (server.isOpen()) {
      try (SocketChannel client = server.accept()) {
        BufferedReader reader = new BufferedReader(
            new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8), MAX_LINE_CHARS);
        String line = readLine(reader);
        if (line.startsWith("open ")) {
          Optional<String> link = DeepLink.parse(line.substring(5));
          if (link.isPresent()) {
            onLink.accept(link.get());
          } else {
            LOG.warn("Ignored a link that is not a meeting link from a later launch");
          }
        } else if (line.equals("activate")) {
          onActivate.run();
        }
      } catch (IOException e) {
        if (server.isOpen()) {
          LOG.warn("Instance channel: {}", e.toString());
        }
      } catch (RuntimeException e) {
        LOG.error("Handling a link from a later launch failed", e);
      }
    }
  }

  private static String readLine(BufferedReader reader) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = reader.read()) >= 0 && c != '\n' && line.length() < MAX_LINE_CHARS) {
      line.append((char) c);
    }
    return line.toString().strip();
  }

  /// Stops accepting, removes the socket and releases the lock.
  @Override
  public void close() throws IOException {
    server.close();
    Files.deleteIfExists(socket);
    lock.release();
    lockFile.close();
    acceptor.interrupt();
  }

  private static void createPrivateDirectory(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    try {
      Files.createDirectories(directory,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(directory); // Windows: the per-user profile directory is private already
    }
  }

  private static void sleepQuietly(Duration pause) {
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
