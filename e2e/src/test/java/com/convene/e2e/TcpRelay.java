package com.convene.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/// A user-space TCP relay for tests: accepts on a loopback address and pipes each connection to one target,
/// byte for byte, so a test can cut the path between the app and the backend's HTTP/WebSocket port as a network
/// outage or a proxy restart would.
///
/// [#cut()] closes every relayed connection (both ends) and makes new ones close as soon as accepted, until
/// [#restore()]; [#stall()] drops every byte instead, leaving connections open, until [#restore()]. Bounded: at most [#MAX_CONNECTIONS] open connections (more are closed at once), two virtual
/// threads each. Loopback only. Thread-safe.
final class TcpRelay implements AutoCloseable {
  /// Most relayed connections open at once.
  static final int MAX_CONNECTIONS = 64;
  private static final int BUFFER_BYTES = 16 * 1024;

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean cut = new AtomicBoolean();
  private final AtomicBoolean stalled = new AtomicBoolean();
  private final AtomicInteger refused = new AtomicInteger();
  private final Thread acceptor;

  /// Starts relaying from an ephemeral port on `bindAddress` (a loopback address) to `target`.
  /// @throws IllegalArgumentException when `bindAddress` is not a loopback address
  TcpRelay(String bindAddress, InetSocketAddress target) throws IOException {
    InetAddress bind = InetAddress.getByName(bindAddress);
    if (!bind.isLoopbackAddress() || !target.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException("the relay is for loopback addresses only");
    }
    this.target = target;
    this.server = new ServerSocket(0, 50, bind);
    this.acceptor = Thread.ofVirtual().name("tcp-relay-accept").start(this::acceptLoop);
  }

  /// The port the relay listens on.
  int port() {
    return server.getLocalPort();
  }

  /// Drops every relayed connection and refuses new ones until [#restore()].
  void cut() {
    cut.set(true);
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  /// Lets new connections through again, and ends a [#stall()].
  void restore() {
    cut.set(false);
    stalled.set(false);
  }

  /// Turns the relay into a black hole until [#restore()], like a network that vanished without a reset (a
  /// laptop lid closed, a Wi-Fi gone): open and new connections stay open but every byte is dropped, and a side
  /// that closes meanwhile is not reported to the other.
  void stall() {
    stalled.set(true);
  }

  /// Connections closed at accept because the relay was cut or full, since start.
  int refused() {
    return refused.get();
  }

  @Override
  public void close() {
    closeQuietly(server);
    cut();
    acceptor.interrupt();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (cut.get() || open.size() >= 2 * MAX_CONNECTIONS) {
        refused.incrementAndGet();
        closeQuietly(client);
        continue;
      }
      Thread.ofVirtual().name("tcp-relay-connect").start(() -> relay(client));
    }
  }

  private void relay(Socket client) {
    Socket upstream = new Socket();
    try {
      upstream.connect(target, 5_000);
      client.setTcpNoDelay(true);
      upstream.setTcpNoDelay(true);
    } catch (IOException e) {
      closeQuietly(client);
      closeQuietly(upstream);
      return;
    }
    open.add(client);
    open.add(upstream);
    if (cut.get()) {
      cut();
      return;
    }
    Thread.ofVirtual().name("tcp-relay-up").start(() -> pipe(client, upstream));
    Thread.ofVirtual().name("tcp-relay-down").start(() -> pipe(upstream, client));
  }

  /// Copies `from` to `to` until either side ends, then closes both.
  private void pipe(Socket from, Socket to) {
    byte[] buffer = new byte[BUFFER_BYTES];
    try {
      // not try-with-resources: closing a socket's stream closes the socket, and a stall must keep `to` open
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (!stalled.get()) {
          out.write(buffer, 0, n);
          out.flush();
        }
      }
    } catch (IOException e) {
      // one side went away (or cut() closed it): end the pair
    } finally {
      open.remove(from);
      closeQuietly(from);
      if (!stalled.get()) { // in a stall the other side hears nothing; cut() or close() ends it later
        open.remove(to);
        closeQuietly(to);
      }
    }
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // already gone
    }
  }
}
