package com.convene.sfu.dtls;

import com.convene.sfu.srtp.SrtpKeys;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// One DTLS server association for a peer transport. The handshake runs on its own virtual thread, fed by a bounded
/// queue; after it, the thread keeps reading so retransmitted client flights and close_notify are handled.
///
/// [#offer] is called by the socket loop; the callbacks run on the handshake thread.
public final class DtlsSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DtlsSession.class);
    private static final int QUEUE_CAPACITY = 64;
    private static final JcaTlsCrypto CRYPTO = new JcaTlsCryptoProvider().create(new SecureRandom());

    private final QueueDatagramTransport transport;
    private final DtlsCertificate certificate;
    private final CompletableFuture<String> remoteFingerprint;
    private final Consumer<SrtpKeys> onKeys;
    private final String name;
    private volatile boolean started;
    private volatile boolean closed;

    /// Creates a session; nothing runs until the first datagram.
    ///
    /// @param name              for logs, e.g. `alice/publish`
    /// @param certificate       our certificate
    /// @param remoteFingerprint completes with the client's sha-256 fingerprint from its SDP
    /// @param sender            thread-safe datagram sender to the peer's bound address
    /// @param onKeys            receives the SRTP keys once, on the handshake thread
    public DtlsSession(String name, DtlsCertificate certificate, CompletableFuture<String> remoteFingerprint,
            DatagramSink sender, Consumer<SrtpKeys> onKeys) {
        this.name = name;
        this.certificate = certificate;
        this.remoteFingerprint = remoteFingerprint;
        this.onKeys = onKeys;
        this.transport = new QueueDatagramTransport(QUEUE_CAPACITY, sender::send);
    }

    /// A thread-safe way to send a datagram to the peer.
    public interface DatagramSink {
        /// Sends `length` bytes at `offset`.
        void send(byte[] buffer, int offset, int length);
    }

    /// Hands one DTLS datagram to the handshake thread, starting it on the first call. Never blocks.
    ///
    /// @return false when the queue was full or the session is closed
    public boolean offer(byte[] buffer, int offset, int length) {
        if (closed) {
            return false;
        }
        byte[] copy = new byte[length];
        System.arraycopy(buffer, offset, copy, 0, length);
        boolean queued = transport.offer(copy);
        if (!started) {
            started = true;
            Thread.ofVirtual().name("dtls-" + name).start(this::run);
        }
        return queued;
    }

    private void run() {
        DtlsSrtpServer server = new DtlsSrtpServer(CRYPTO, certificate, remoteFingerprint);
        DTLSServerProtocol protocol = new DTLSServerProtocol();
        protocol.setVerifyRequests(false); // ICE consent already proved the address
        DTLSTransport dtls;
        try {
            dtls = protocol.accept(server, transport);
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                LOG.warn("DTLS handshake failed transport={} cause={}", name, e.toString());
            }
            return;
        }
        SrtpKeys keys = server.keys();
        if (keys == null) {
            LOG.warn("DTLS handshake finished without SRTP keys transport={}", name);
            return;
        }
        LOG.info("DTLS handshake complete transport={} profile={}", name, keys.profile());
        onKeys.accept(keys);
        byte[] sink = new byte[2048];
        while (!closed) {
            try {
                if (dtls.receive(sink, 0, sink.length, 1000) < 0 && closed) {
                    break;
                }
            } catch (IOException | RuntimeException e) {
                break; // close_notify or transport closed: the association is over
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        transport.close();
    }
}
