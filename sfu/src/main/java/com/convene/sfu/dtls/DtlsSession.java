package com.convene.sfu.dtls;

import com.convene.sfu.srtp.SrtpKeys;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// One DTLS server association for a peer transport. The handshake runs on its own virtual thread, fed by a bounded
/// queue; after it, the thread keeps reading so retransmitted client flights and close_notify are handled.
///
/// A failed handshake (a malformed or hostile ClientHello, a certificate that does not match the SDP) does not end the
/// session: a fresh handshake waits for the next ClientHello, as RFC 6347 §4.1.2.7 asks that invalid input be
/// dropped without ending the association ([HandshakeAttempt]). Each attempt needs at least one datagram, so
/// attempts are bounded by the queue and the socket loop's rate. Failures are logged rate-limited and without the datagram's bytes (docs/decisions/095).
///
/// [#offer] is called by the socket loop; the callbacks run on the handshake thread.
public final class DtlsSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DtlsSession.class);
    private static final int QUEUE_CAPACITY = 64;
    /// At most 10 failure lines a minute for all sessions together (finding 8 of issue 15: junk must not flood
    /// the log).
    private static final LogLimiter FAILURE_LOG = new LogLimiter(60_000, 10);
    private static final JcaTlsCrypto CRYPTO = new JcaTlsCryptoProvider().create(new SecureRandom());

    private final QueueDatagramTransport transport;
    private final DtlsCertificate certificate;
    private final CompletableFuture<String> remoteFingerprint;
    private final Consumer<SrtpKeys> onKeys;
    private final String name;
    private final AtomicInteger attempts = new AtomicInteger();
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
        while (!closed) {
            HandshakeAttempt attempt = new HandshakeAttempt(transport);
            DtlsSrtpServer server = new DtlsSrtpServer(CRYPTO, certificate, remoteFingerprint);
            DTLSServerProtocol protocol = new DTLSServerProtocol();
            protocol.setVerifyRequests(false); // ICE consent already proved the address
            DTLSTransport dtls;
            try {
                dtls = protocol.accept(server, attempt);
            } catch (IOException | RuntimeException e) {
                // RFC 6347 §4.1.2.7: bad input must not end the association for good; wait for the next ClientHello.
                attempts.incrementAndGet();
                if (attempt.received() == 0) {
                    return; // failed without reading anything (closed, or a fault of ours): retrying would spin
                }
                if (!closed) {
                    logFailure(e);
                }
                continue;
            }
            attempts.incrementAndGet();
            SrtpKeys keys = server.keys();
            if (keys == null) {
                LOG.warn("DTLS handshake finished without SRTP keys transport={}", name);
                return;
            }
            LOG.info("DTLS handshake complete transport={} profile={} attempts={}", name, keys.profile(),
                    attempts.get());
            onKeys.accept(keys);
            serve(dtls, attempt);
            return;
        }
    }

    /// Keeps reading the association so retransmitted client flights are answered, until close_notify, a fatal
    /// alert or [#close].
    private void serve(DTLSTransport dtls, HandshakeAttempt attempt) {
        byte[] sink = new byte[2048];
        while (!closed && !attempt.ended()) {
            try {
                dtls.receive(sink, 0, sink.length, 1000);
            } catch (IOException | RuntimeException e) {
                return; // close_notify or transport closed: the association is over
            }
        }
    }

    /// One line per failed attempt, rate-limited across all sessions; the exception's class and alert, never the
    /// datagram's bytes (bctls messages name the alert, not the input).
    private void logFailure(Throwable failure) {
        long skipped = FAILURE_LOG.tryAcquire(System.nanoTime());
        if (skipped < 0) {
            return;
        }
        String cause = failure instanceof TlsFatalAlert alert
                ? "alert " + AlertDescription.getText(alert.getAlertDescription())
                : failure.getClass().getSimpleName();
        LOG.warn("DTLS handshake attempt failed, waiting for a new ClientHello transport={} cause={} attempts={}"
                + " suppressedLines={}", name, cause, attempts.get(), skipped);
    }

    /// Handshakes started on this session so far, failed or not.
    int handshakeAttempts() {
        return attempts.get();
    }

    @Override
    public void close() {
        closed = true;
        transport.close();
    }
}
