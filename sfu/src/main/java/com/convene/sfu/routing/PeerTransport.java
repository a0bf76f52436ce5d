package com.convene.sfu.routing;

import com.convene.sfu.SfuException;
import com.convene.sfu.cc.TransportCcReceiver;
import com.convene.sfu.dtls.DtlsSession;
import com.convene.sfu.ice.IceCredentials;
import com.convene.sfu.ice.IceEndpoint;
import com.convene.sfu.srtp.SrtpSession;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/// The SFU end of one client PeerConnection: its ICE credentials, bound address, DTLS association and SRTP session.
///
/// Credentials and the DTLS session are fixed at creation. The bound address, SRTP session and route arrays are
/// confined to the socket event loop, except that the DTLS thread reads the address (volatile) to send flights.
public final class PeerTransport implements IceEndpoint {
    /// Which PeerConnection of the client this transport serves.
    public enum Role {
        /// The client sends media (the client offers).
        PUBLISH,
        /// The client receives media (the SFU offers).
        SUBSCRIBE
    }

    private static final TrackRoute[] NO_ROUTES = new TrackRoute[0];
    /// Gap between receiver reports to one publisher, ns (libwebrtc sends its own about once a second).
    static final long RECEIVER_REPORT_INTERVAL_NANOS = 1_000_000_000L;

    private final String name;
    private final Role role;
    private final IceCredentials localCredentials;
    private final Mac integrityMac;
    private final CompletableFuture<String> remoteFingerprint = new CompletableFuture<>();
    private final MediaRouter router;
    private final DtlsSession dtls;
    private final Runnable onConnected;
    private volatile @Nullable String remoteUfrag;
    private volatile @Nullable InetSocketAddress address;
    private @Nullable SrtpSession srtp;
    private TrackRoute[] published = NO_ROUTES;
    private TrackRoute[] subscribed = NO_ROUTES;
    private boolean closed;
    /// Transport-wide congestion control state while the publisher negotiated it; loop only.
    private @Nullable TransportCcReceiver transportCc;
    /// Packets that came before the SRTP keys; null until the first one. Loop only.
    private @Nullable EarlyPackets early;
    /// The audio level extension id the publisher negotiated, or 0; loop only.
    private int audioLevelExtension;
    /// When the SFU last sent this publisher a receiver report, [System#nanoTime()]; loop only.
    private long lastReceiverReportNanos = Long.MIN_VALUE;
    /// Next sequence number of each RTX stream (by RTX SSRC) the SFU sends this subscriber; loop only.
    private final java.util.Map<Integer, Integer> rtxSequenceNumbers = new java.util.HashMap<>();

    PeerTransport(String name, Role role, MediaRouter router, Runnable onConnected) {
        this.name = name;
        this.role = role;
        this.router = router;
        this.onConnected = onConnected;
        this.localCredentials = IceCredentials.random();
        try {
            integrityMac = Mac.getInstance("HmacSHA1");
            integrityMac.init(new SecretKeySpec(localCredentials.pwd().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            throw new SfuException("HmacSHA1 unavailable", e);
        }
        this.dtls = new DtlsSession(name, router.certificate(), remoteFingerprint, this::sendFromDtlsThread,
                keys -> router.onSrtpKeys(this, keys));
    }

    /// Whether a receiver report is due (at most one a [#RECEIVER_REPORT_INTERVAL_NANOS]), and if so marks it sent.
    /// Loop only.
    boolean receiverReportDue(long nowNanos) {
        if (lastReceiverReportNanos != Long.MIN_VALUE
                && nowNanos - lastReceiverReportNanos < RECEIVER_REPORT_INTERVAL_NANOS) {
            return false;
        }
        lastReceiverReportNanos = nowNanos;
        return true;
    }

    /// The next sequence number of this subscriber's RTX stream `rtxSsrc` (RFC 4588 §4: an RTX stream numbers its
    /// packets itself), starting at a random one. Loop only.
    int nextRtxSequenceNumber(int rtxSsrc) {
        int next = rtxSequenceNumbers.computeIfAbsent(rtxSsrc,
                ssrc -> java.util.concurrent.ThreadLocalRandom.current().nextInt(0x10000));
        rtxSequenceNumbers.put(rtxSsrc, (next + 1) & 0xFFFF);
        return next;
    }

    /// The transport's name for logs, e.g. `room/alice/publish`.
    public String name() {
        return name;
    }

    /// The role.
    public Role role() {
        return role;
    }

    @Override
    public IceCredentials localCredentials() {
        return localCredentials;
    }

    @Override
    public @Nullable String remoteUfrag() {
        return remoteUfrag;
    }

    @Override
    public Mac integrityMac() {
        return integrityMac;
    }

    @Override
    public void onValidCheck(InetSocketAddress source, boolean nominated) {
        router.bind(this, source, nominated);
    }

    /// Records the client's ICE ufrag and DTLS fingerprint from its SDP. Later calls with other values are ignored:
    /// ICE restarts are not supported yet.
    ///
    /// @param ufrag       the client's ice-ufrag
    /// @param fingerprint the client's sha-256 certificate fingerprint
    public void setRemote(String ufrag, String fingerprint) {
        if (remoteUfrag == null) {
            remoteUfrag = ufrag;
        }
        remoteFingerprint.complete(fingerprint);
    }

    private void sendFromDtlsThread(byte[] buffer, int offset, int length) {
        InetSocketAddress target = address;
        if (target != null) {
            router.loop().sendFromAnyThread(buffer, offset, length, target);
        }
    }

    DtlsSession dtls() {
        return dtls;
    }

    @Nullable InetSocketAddress address() {
        return address;
    }

    void address(InetSocketAddress address) {
        this.address = address;
    }

    @Nullable SrtpSession srtp() {
        return srtp;
    }

    void srtp(SrtpSession session) {
        this.srtp = session;
    }

    Runnable onConnected() {
        return onConnected;
    }

    TrackRoute[] published() {
        return published;
    }

    void published(TrackRoute[] routes) {
        this.published = routes;
    }

    TrackRoute[] subscribed() {
        return subscribed;
    }

    void subscribed(TrackRoute[] routes) {
        this.subscribed = routes;
    }

    /// The transport-cc receive state, or null when the client did not negotiate transport-wide-cc. Loop only.
    @Nullable TransportCcReceiver transportCc() {
        return transportCc;
    }

    /// Keeps a packet that arrived before the SRTP keys ([EarlyPackets]). Loop only.
    ///
    /// @return false when no more are kept (the caller drops it)
    boolean keepEarly(byte[] datagram, int length, long arrivalNanos) {
        EarlyPackets kept = early;
        if (kept == null) {
            kept = new EarlyPackets();
            early = kept;
        }
        return kept.keep(datagram, length, arrivalNanos);
    }

    /// The packets kept before the keys, or null; the caller replays and clears them. Loop only.
    @Nullable EarlyPackets early() {
        return early;
    }

    /// The `a=extmap` id of the publisher's audio level (RFC 6464), or 0. Loop only.
    int audioLevelExtension() {
        return audioLevelExtension;
    }

    void audioLevelExtension(int extensionId) {
        this.audioLevelExtension = extensionId;
    }

    /// Starts (or stops, with extension id 0) transport-cc feedback; keeps the state if the id is unchanged. Loop only.
    void transportCcExtension(int extensionId) {
        TransportCcReceiver current = transportCc;
        if (extensionId == 0) {
            transportCc = null;
        } else if (current == null || current.extensionId() != extensionId) {
            transportCc = new TransportCcReceiver(extensionId);
        }
    }

    boolean closed() {
        return closed;
    }

    void markClosed() {
        closed = true;
    }

    /// The published route with a stream (any simulcast layer) of `ssrc`, or null.
    @Nullable TrackRoute findPublished(int ssrc) {
        for (TrackRoute route : published) {
            if (route.layerOf(ssrc) != null) {
                return route;
            }
        }
        return null;
    }

    @Nullable TrackRoute findSubscribed(int ssrc) {
        for (TrackRoute route : subscribed) {
            if (route.ssrc() == ssrc) {
                return route;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "PeerTransport[" + name + "]";
    }
}
