package com.convene.sfu.dtls;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;

/// Adapts the shared UDP socket to bctls: the socket loop [#offer]s DTLS datagrams into a bounded queue that the
/// handshake thread reads; sends go straight to the socket through [DatagramSender].
final class QueueDatagramTransport implements DatagramTransport {
    /// Sends one datagram to the peer; must be thread-safe.
    interface DatagramSender {
        void send(byte[] buffer, int offset, int length);
    }

    private static final int MTU = 1200;
    private static final byte[] CLOSED = new byte[0];

    private final BlockingQueue<byte[]> queue;
    private final DatagramSender sender;
    private volatile boolean closed;

    QueueDatagramTransport(int capacity, DatagramSender sender) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sender = sender;
    }

    /// Called by the socket loop; never blocks.
    ///
    /// @return false when the queue is full (the caller counts the drop)
    boolean offer(byte[] datagram) {
        return !closed && queue.offer(datagram);
    }

    @Override
    public int getReceiveLimit() {
        return 1500;
    }

    @Override
    public int getSendLimit() {
        return MTU;
    }

    @Override
    public int receive(byte[] buffer, int offset, int length, int waitMillis) throws IOException {
        if (closed) {
            throw new IOException("transport closed");
        }
        try {
            byte[] datagram = queue.poll(waitMillis, TimeUnit.MILLISECONDS);
            if (datagram == null) {
                return -1;
            }
            if (datagram == CLOSED) {
                throw new IOException("transport closed");
            }
            int copied = Math.min(length, datagram.length);
            System.arraycopy(datagram, 0, buffer, offset, copied);
            return copied;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void send(byte[] buffer, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("transport closed");
        }
        sender.send(buffer, offset, length);
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        queue.offer(CLOSED);
    }
}
