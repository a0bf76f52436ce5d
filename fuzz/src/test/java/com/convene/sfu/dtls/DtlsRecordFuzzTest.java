package com.convene.sfu.dtls;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/// Fuzzes DTLS record handling (RFC 6347 §4.1) the way a client's datagrams reach the SFU's DTLS server: each
/// datagram passes the record framing check of the media router ([DtlsRecords#isWellFormed]) and, if well formed,
/// goes to the SFU's own bctls server peer ([DtlsSrtpServer], as [DtlsSession] runs it). The input is a sequence of
/// datagrams, each a 2-byte big-endian length and that many bytes. When the datagrams run out the transport
/// reports itself closed, as [DtlsSession#close] does.
///
/// The handshake may fail with an [IOException] (a fatal alert: the session then starts a fresh handshake); a
/// finding is any other exception or error, or a framing check that accepts records overrunning the datagram.
///
/// Corpus: `DtlsRecordFuzzTestInputs/handshake/` (a bctls DTLS 1.2 ClientHello with use_srtp, split and broken
/// variants).
class DtlsRecordFuzzTest {
    private static final JcaTlsCrypto CRYPTO = new JcaTlsCryptoProvider().create(new SecureRandom());
    private static final DtlsCertificate CERTIFICATE = DtlsCertificate.generate();

    @FuzzTest(maxDuration = "60s")
    void handshake(byte[] input) {
        List<byte[]> datagrams = new ArrayList<>();
        for (byte[] datagram : split(input)) {
            if (DtlsRecords.isWellFormed(datagram, 0, datagram.length)) {
                checkFraming(datagram);
                datagrams.add(datagram);
            }
        }
        if (datagrams.isEmpty()) {
            return;
        }
        DtlsSrtpServer server = new DtlsSrtpServer(CRYPTO, CERTIFICATE,
                CompletableFuture.completedFuture(CERTIFICATE.fingerprint()));
        DTLSServerProtocol protocol = new DTLSServerProtocol();
        protocol.setVerifyRequests(false);
        try {
            protocol.accept(server, new ReplayTransport(datagrams)).close();
        } catch (IOException expected) {
            // a fatal alert or the end of the input
        }
    }

    private static List<byte[]> split(byte[] input) {
        List<byte[]> datagrams = new ArrayList<>();
        int position = 0;
        while (position + 2 <= input.length && datagrams.size() < 16) {
            int length = Math.min(((input[position] & 0xFF) << 8) | (input[position + 1] & 0xFF),
                    input.length - position - 2);
            byte[] datagram = new byte[length];
            System.arraycopy(input, position + 2, datagram, 0, length);
            datagrams.add(datagram);
            position += 2 + length;
        }
        return datagrams;
    }

    /// Walks the records the way bctls will, asserting each lies inside the datagram.
    private static void checkFraming(byte[] datagram) {
        int position = 0;
        while (position < datagram.length) {
            int fragmentLength = ((datagram[position + 11] & 0xFF) << 8) | (datagram[position + 12] & 0xFF);
            position += DtlsRecords.HEADER_LENGTH + fragmentLength;
        }
        if (position != datagram.length) {
            throw new IllegalStateException("well-formed datagram whose records end at " + position + " of "
                    + datagram.length);
        }
    }

    /// Hands out the given datagrams, then reports the transport closed; discards what the server sends.
    private static final class ReplayTransport implements org.bouncycastle.tls.DatagramTransport {
        private final List<byte[]> datagrams;
        private int next;

        ReplayTransport(List<byte[]> datagrams) {
            this.datagrams = datagrams;
        }

        @Override
        public int getReceiveLimit() {
            return 1500;
        }

        @Override
        public int getSendLimit() {
            return 1200;
        }

        @Override
        public int receive(byte[] buffer, int offset, int length, int waitMillis) throws IOException {
            if (next == datagrams.size()) {
                throw new IOException("transport closed");
            }
            byte[] datagram = datagrams.get(next++);
            int copied = Math.min(length, datagram.length);
            System.arraycopy(datagram, 0, buffer, offset, copied);
            return copied;
        }

        @Override
        public void send(byte[] buffer, int offset, int length) {
        }

        @Override
        public void close() {
        }
    }
}
