package com.convene.sfu.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/// Finding header extension elements in both RFC 8285 forms, and refusing malformed blocks.
class HeaderExtensionsTest {

    @Test
    void findsOneByteElements() {
        // X bit; profile BEDE, 2 words: id 1 len 1 (2 bytes), padding, id 3 len 2 (3 bytes) + padding
        byte[] packet = HexFormat.of().parseHex("906000010000000100000002" + "bede0002" + "11abcd00" + "32010203"
                + "deadbeef");
        assertThat(HeaderExtensions.find(packet, 0, packet.length, 1)).isEqualTo(17);
        assertThat(HeaderExtensions.find(packet, 0, packet.length, 3)).isEqualTo(21);
        assertThat(HeaderExtensions.find(packet, 0, packet.length, 2)).isEqualTo(-1);
    }

    @Test
    void findsTwoByteElements() {
        byte[] packet = HexFormat.of().parseHex("906000010000000100000002" + "10000002" + "0502abcd" + "00000000");
        assertThat(HeaderExtensions.find(packet, 0, packet.length, 5)).isEqualTo(18);
        assertThat(packet[18] & 0xFF).isEqualTo(0xab);
    }

    @Test
    void refusesBlocksThatRunPastThePacket() {
        byte[] packet = HexFormat.of().parseHex("906000010000000100000002" + "bede0009" + "11abcd00");
        assertThat(HeaderExtensions.find(packet, 0, packet.length, 1)).isEqualTo(-1);
        byte[] element = HexFormat.of().parseHex("906000010000000100000002" + "bede0001" + "1fabcd00");
        assertThat(HeaderExtensions.find(element, 0, element.length, 1)).as("element longer than block").isEqualTo(-1);
        byte[] noExtension = HexFormat.of().parseHex("806000010000000100000002");
        assertThat(HeaderExtensions.find(noExtension, 0, noExtension.length, 1)).isEqualTo(-1);
    }
}
