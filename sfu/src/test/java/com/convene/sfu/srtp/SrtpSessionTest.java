package com.convene.sfu.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.sfu.DropReason;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// Protects with one side's keys and unprotects with the other's, through jitsi-srtp.
class SrtpSessionTest {
    private static final byte[] RTP = HexFormat.of().parseHex("806f1234deadbeefcafebabe0102030405060708090a0b0c0d0e0f");

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void roundTripsRtpAndRejectsTamperingAndReplay(SrtpProfile profile) {
        SrtpKeys sfuKeys = keys(profile);
        // the client's view: what the SFU calls "server" keys protect what the client receives, and vice versa
        SrtpKeys clientView = new SrtpKeys(profile, sfuKeys.serverKey(), sfuKeys.serverSalt(), sfuKeys.clientKey(),
                sfuKeys.clientSalt());
        SrtpSession sfu = new SrtpSession(sfuKeys);
        SrtpSession client = new SrtpSession(clientView);
        int ssrc = 0xCAFEBABE;

        PacketBuffer packet = new PacketBuffer().copyFrom(RTP, 0, RTP.length);
        assertThat(client.protectRtp(packet, ssrc)).isNull();
        assertThat(packet.getLength()).isEqualTo(RTP.length + profile.tagLength());
        byte[] protectedCopy = Arrays.copyOf(packet.getBuffer(), packet.getLength());

        assertThat(sfu.unprotectRtp(packet, ssrc)).isNull();
        assertThat(Arrays.copyOf(packet.getBuffer(), packet.getLength())).isEqualTo(RTP);

        PacketBuffer replay = new PacketBuffer().copyFrom(protectedCopy, 0, protectedCopy.length);
        assertThat(sfu.unprotectRtp(replay, ssrc)).isEqualTo(DropReason.SRTP_REPLAY);

        PacketBuffer next = new PacketBuffer().copyFrom(RTP, 0, RTP.length);
        next.getBuffer()[3]++; // next sequence number
        client.protectRtp(next, ssrc);
        next.getBuffer()[next.getLength() - 1] ^= 1;
        assertThat(sfu.unprotectRtp(next, ssrc)).isEqualTo(DropReason.SRTP_AUTH_FAILED);
    }

    /// Found by fuzzing (fuzz module, RtpParserFuzzTest): jitsi-srtp decrypts a header extension marked with a cryptex
    /// profile (RFC 9335) although the SFU never negotiates cryptex, so the packet came out changed. Such packets are
    /// now dropped as malformed; the same packet with the ordinary one-byte profile 0xBEDE round-trips unchanged.
    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void dropsPacketsMarkedForCryptexAndKeepsOrdinaryExtensions(SrtpProfile profile) {
        SrtpKeys sfuKeys = keys(profile);
        SrtpSession sfu = new SrtpSession(sfuKeys);
        SrtpSession client = new SrtpSession(new SrtpKeys(profile, sfuKeys.serverKey(), sfuKeys.serverSalt(),
                sfuKeys.clientKey(), sfuKeys.clientSalt()));
        int ssrc = 0x11223301;
        byte[] cryptex = HexFormat.of().parseHex("90600001000003e811223301c0de000110ff000000000000000008");
        byte[] ordinary = HexFormat.of().parseHex("90600002000003e811223301bede000110ff000000000000000008");

        PacketBuffer marked = new PacketBuffer().copyFrom(cryptex, 0, cryptex.length);
        assertThat(client.protectRtp(marked, ssrc)).isNull();
        assertThat(sfu.unprotectRtp(marked, ssrc)).isEqualTo(DropReason.MALFORMED_RTP);

        PacketBuffer plain = new PacketBuffer().copyFrom(ordinary, 0, ordinary.length);
        assertThat(client.protectRtp(plain, ssrc)).isNull();
        assertThat(sfu.unprotectRtp(plain, ssrc)).isNull();
        assertThat(Arrays.copyOf(plain.getBuffer(), plain.getLength())).isEqualTo(ordinary);
    }

    /// Why the SFU retransmits on RTX (RFC 4588): jitsi-srtp refuses to protect an SSRC's sequence number a second
    /// time (no repeated keystream), so the same packet cannot simply be sent again; on its own RTX SSRC and
    /// sequence numbers it protects, and a receiver that lost the original accepts it.
    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void refusesToProtectAPacketTwiceSoRetransmissionsUseRtx(SrtpProfile profile) {
        SrtpKeys sfuKeys = keys(profile);
        SrtpSession sfu = new SrtpSession(sfuKeys);
        SrtpSession client = new SrtpSession(new SrtpKeys(profile, sfuKeys.serverKey(), sfuKeys.serverSalt(),
                sfuKeys.clientKey(), sfuKeys.clientSalt()));
        int ssrc = 0xCAFEBABE;
        int rtxSsrc = 0x0BADF00D;
        for (int seq = 1; seq <= 5; seq++) {
            PacketBuffer packet = new PacketBuffer().copyFrom(rtp(seq), 0, RTP.length);
            assertThat(sfu.protectRtp(packet, ssrc)).isNull();
            if (seq != 3) { // packet 3 is lost on the way
                assertThat(client.unprotectRtp(packet, ssrc)).isNull();
            }
        }

        PacketBuffer again = new PacketBuffer().copyFrom(rtp(3), 0, RTP.length);
        assertThat(sfu.protectRtp(again, ssrc)).isEqualTo(DropReason.SRTP_REPLAY);

        byte[] rtx = new byte[RTP.length + 2];
        int rtxLength = com.convene.sfu.rtp.RtxPackets.write(rtp(3), RTP.length, 97, rtxSsrc, 40_000, rtx);
        PacketBuffer retransmission = new PacketBuffer().copyFrom(rtx, 0, rtxLength);
        assertThat(sfu.protectRtp(retransmission, rtxSsrc)).isNull();
        assertThat(client.unprotectRtp(retransmission, rtxSsrc)).isNull();
        assertThat(Arrays.copyOf(retransmission.getBuffer(), retransmission.getLength())).isEqualTo(rtx);
    }

    private static byte[] rtp(int seq) {
        byte[] packet = RTP.clone();
        packet[2] = (byte) (seq >> 8);
        packet[3] = (byte) seq;
        return packet;
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void roundTripsRtcp(SrtpProfile profile) {
        SrtpKeys sfuKeys = keys(profile);
        SrtpSession sfu = new SrtpSession(sfuKeys);
        SrtpSession client = new SrtpSession(new SrtpKeys(profile, sfuKeys.serverKey(), sfuKeys.serverSalt(),
                sfuKeys.clientKey(), sfuKeys.clientSalt()));
        byte[] pli = HexFormat.of().parseHex("81ce000253465531cafebabe");

        PacketBuffer packet = new PacketBuffer().copyFrom(pli, 0, pli.length);
        assertThat(sfu.protectRtcp(packet)).isNull();
        assertThat(client.unprotectRtcp(packet)).isNull();
        assertThat(Arrays.copyOf(packet.getBuffer(), packet.getLength())).isEqualTo(pli);
    }

    private static SrtpKeys keys(SrtpProfile profile) {
        byte[] material = new byte[2 * (profile.keyLength() + profile.saltLength())];
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) (i * 7 + 3);
        }
        return SrtpKeys.fromExporter(profile, material);
    }
}
