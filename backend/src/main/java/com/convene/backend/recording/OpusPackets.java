package com.convene.backend.recording;

/// Reads an Opus packet's duration from its TOC byte (RFC 6716 §3.1), so muxed audio blocks carry exact durations.
/// RTP carries exactly one Opus packet per RTP packet (RFC 7587 §4.2), so no reassembly is needed.
final class OpusPackets {
    private OpusPackets() {
    }

    /// Duration of a packet in 48 kHz samples, or 0 when the packet is empty or malformed.
    ///
    /// ```
    ///  0 1 2 3 4 5 6 7
    /// +-+-+-+-+-+-+-+-+
    /// | config  |s| c |
    /// +-+-+-+-+-+-+-+-+
    /// ```
    /// `config` 0–11 are SILK (10/20/40/60 ms), 12–15 hybrid (10/20 ms), 16–31 CELT (2.5/5/10/20 ms); `c` is the
    /// frame count code: 0 one frame, 1 and 2 two frames, 3 a count in the next byte's low six bits (§3.2.5).
    static int samples(byte[] packet, int offset, int length) {
        if (length < 1) {
            return 0;
        }
        int toc = packet[offset] & 0xFF;
        int config = toc >> 3;
        int frameSamples;
        if (config < 12) {
            frameSamples = new int[] {480, 960, 1920, 2880}[config & 3];
        } else if (config < 16) {
            frameSamples = (config & 1) == 0 ? 480 : 960;
        } else {
            frameSamples = 120 << (config & 3);
        }
        int frames = switch (toc & 3) {
            case 0 -> 1;
            case 1, 2 -> 2;
            default -> length < 2 ? 0 : packet[offset + 1] & 0x3F;
        };
        int total = frameSamples * frames;
        return total > 5760 ? 0 : total; // at most 120 ms per packet (§3.2.5)
    }
}
