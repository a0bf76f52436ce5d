package com.convene.sfu.srtp;

import com.convene.sfu.DropReason;
import java.security.GeneralSecurityException;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.crypto.Aes;
import org.jspecify.annotations.Nullable;

/// SRTP and SRTCP protection for one peer transport where the SFU is the DTLS server: inbound packets use the client
/// keys, outbound the server keys (RFC 5764 §4.2). One crypto context per SSRC, created on first use.
///
/// Confined to the socket event loop. Never throws per packet: failures come back as a [DropReason].
public final class SrtpSession {
    private static final int MAX_CONTEXTS = 64;
    /// Header extension profiles of cryptex (RFC 9335 §5.1) for one-byte and two-byte extension elements.
    private static final int CRYPTEX_ONE_BYTE = 0xC0DE;
    private static final int CRYPTEX_TWO_BYTE = 0xC2DE;

    static {
        // Use the JDK's AES (AES-NI intrinsics) rather than BouncyCastle's pure-Java AES, and skip the benchmark.
        Aes.setFactoryClassName("SunJCE");
    }

    private final SrtpProfile profile;
    private final SrtpContextFactory inboundFactory;
    private final SrtpContextFactory outboundFactory;
    private final SsrcTable<SrtpCryptoContext> inboundRtp = new SsrcTable<>(MAX_CONTEXTS);
    private final SsrcTable<SrtpCryptoContext> outboundRtp = new SsrcTable<>(MAX_CONTEXTS);
    private final SsrcTable<SrtcpCryptoContext> inboundRtcp = new SsrcTable<>(MAX_CONTEXTS);
    private final SsrcTable<SrtcpCryptoContext> outboundRtcp = new SsrcTable<>(MAX_CONTEXTS);

    /// Creates the session.
    ///
    /// @param keys keys exported by the DTLS handshake
    public SrtpSession(SrtpKeys keys) {
        this.profile = keys.profile();
        this.inboundFactory = new SrtpContextFactory(false, keys.clientKey(), keys.clientSalt(),
                profile.policy(), profile.policy(), JitsiLogger.INSTANCE);
        this.outboundFactory = new SrtpContextFactory(true, keys.serverKey(), keys.serverSalt(),
                profile.policy(), profile.policy(), JitsiLogger.INSTANCE);
    }

    /// The negotiated profile.
    public SrtpProfile profile() {
        return profile;
    }

    /// Authenticates and decrypts an SRTP packet in place.
    ///
    /// Packets whose header extension is marked with a cryptex profile (RFC 9335 §5.1: 0xC0DE, 0xC2DE) are dropped
    /// as malformed: the SFU never negotiates cryptex, yet jitsi-srtp would decrypt such an extension in place,
    /// turning the packet into something its sender never sent (found by fuzzing, docs/fuzzing.md).
    ///
    /// @param packet the packet; on success its length excludes the tag
    /// @param ssrc   the packet's SSRC (already read from the clear header)
    /// @return null on success, else why to drop it
    public @Nullable DropReason unprotectRtp(PacketBuffer packet, int ssrc) {
        if (packet.getLength() < 12 + profile.tagLength() || hasCryptexExtension(packet)) {
            return DropReason.MALFORMED_RTP;
        }
        try {
            SrtpCryptoContext context = inboundRtp.get(ssrc);
            if (context == null) {
                context = inboundFactory.deriveContext(ssrc, 0);
                if (!inboundRtp.put(ssrc, context)) {
                    return DropReason.UNKNOWN_SSRC;
                }
            }
            return map(context.reverseTransformPacket(packet, false));
        } catch (GeneralSecurityException | RuntimeException e) {
            return DropReason.SRTP_FAILED;
        }
    }

    /// Encrypts and authenticates an RTP packet in place (the buffer grows by the tag).
    public @Nullable DropReason protectRtp(PacketBuffer packet, int ssrc) {
        try {
            SrtpCryptoContext context = outboundRtp.get(ssrc);
            if (context == null) {
                context = outboundFactory.deriveContext(ssrc, 0);
                if (!outboundRtp.put(ssrc, context)) {
                    return DropReason.SRTP_FAILED;
                }
            }
            return map(context.transformPacket(packet));
        } catch (GeneralSecurityException | RuntimeException e) {
            return DropReason.SRTP_FAILED;
        }
    }

    /// Authenticates and decrypts an SRTCP packet in place.
    public @Nullable DropReason unprotectRtcp(PacketBuffer packet) {
        if (packet.getLength() < 8 + 4 + profile.tagLength()) {
            return DropReason.MALFORMED_RTCP;
        }
        int ssrc = readI32(packet.getBuffer(), packet.getOffset() + 4);
        try {
            SrtcpCryptoContext context = inboundRtcp.get(ssrc);
            if (context == null) {
                context = inboundFactory.deriveControlContext(ssrc);
                if (!inboundRtcp.put(ssrc, context)) {
                    return DropReason.UNKNOWN_SSRC;
                }
            }
            return map(context.reverseTransformPacket(packet));
        } catch (GeneralSecurityException | RuntimeException e) {
            return DropReason.SRTP_FAILED;
        }
    }

    /// Encrypts and authenticates an RTCP packet in place, keyed by the sender SSRC of its first packet.
    public @Nullable DropReason protectRtcp(PacketBuffer packet) {
        int ssrc = readI32(packet.getBuffer(), packet.getOffset() + 4);
        try {
            SrtcpCryptoContext context = outboundRtcp.get(ssrc);
            if (context == null) {
                context = outboundFactory.deriveControlContext(ssrc);
                if (!outboundRtcp.put(ssrc, context)) {
                    return DropReason.SRTP_FAILED;
                }
            }
            return map(context.transformPacket(packet));
        } catch (GeneralSecurityException | RuntimeException e) {
            return DropReason.SRTP_FAILED;
        }
    }

    /// Wipes the master keys.
    public void close() {
        inboundFactory.close();
        outboundFactory.close();
    }

    private static @Nullable DropReason map(SrtpErrorStatus status) {
        return switch (status) {
            case OK -> null;
            case AUTH_FAIL -> DropReason.SRTP_AUTH_FAILED;
            case REPLAY_FAIL, REPLAY_OLD -> DropReason.SRTP_REPLAY;
            case INVALID_PACKET -> DropReason.SRTP_FAILED;
            case FAIL -> DropReason.SRTP_FAILED;
        };
    }

    /// Whether the RTP header announces a header extension with a cryptex profile (RFC 9335 §5.1).
    private static boolean hasCryptexExtension(PacketBuffer packet) {
        byte[] buffer = packet.getBuffer();
        int offset = packet.getOffset();
        if ((buffer[offset] & 0x10) == 0) {
            return false;
        }
        int profileAt = offset + 12 + 4 * (buffer[offset] & 0x0F);
        if (profileAt + 2 > offset + packet.getLength()) {
            return false; // no room for the extension header: jitsi-srtp refuses the packet itself
        }
        int extensionProfile = ((buffer[profileAt] & 0xFF) << 8) | (buffer[profileAt + 1] & 0xFF);
        return extensionProfile == CRYPTEX_ONE_BYTE || extensionProfile == CRYPTEX_TWO_BYTE;
    }

    private static int readI32(byte[] buffer, int at) {
        return ((buffer[at] & 0xFF) << 24) | ((buffer[at + 1] & 0xFF) << 16) | ((buffer[at + 2] & 0xFF) << 8)
                | (buffer[at + 3] & 0xFF);
    }
}
