package com.convene.sfu.dtls;

import java.io.IOException;
import org.bouncycastle.tls.DatagramTransport;

/// The transport bctls sees for one handshake attempt of a [DtlsSession], over the session's shared queue.
///
/// bctls closes its transport when a handshake fails; here that ends only this attempt ([#ended]), so the session can
/// start a fresh handshake on the same queue (RFC 6347 §4.1.2.7: invalid input must not end the association).
///
/// Used by one handshake thread; [#ended] may be read from others.
final class HandshakeAttempt implements DatagramTransport {
    private final QueueDatagramTransport queue;
    private volatile boolean ended;
    private int received;

    HandshakeAttempt(QueueDatagramTransport queue) {
        this.queue = queue;
    }

    @Override
    public int getReceiveLimit() {
        return queue.getReceiveLimit();
    }

    @Override
    public int getSendLimit() {
        return queue.getSendLimit();
    }

    @Override
    public int receive(byte[] buffer, int offset, int length, int waitMillis) throws IOException {
        if (ended) {
            throw new IOException("handshake attempt ended");
        }
        int read = queue.receive(buffer, offset, length, waitMillis);
        if (read >= 0) {
            received++;
        }
        return read;
    }

    @Override
    public void send(byte[] buffer, int offset, int length) throws IOException {
        queue.send(buffer, offset, length);
    }

    /// Ends this attempt only; the session's queue stays open.
    @Override
    public void close() {
        ended = true;
    }

    /// Whether bctls closed this attempt (handshake failed, or the association ended).
    boolean ended() {
        return ended;
    }

    /// Datagrams this attempt has read.
    int received() {
        return received;
    }
}
