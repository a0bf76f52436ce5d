package com.convene.backend.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// RFC 7741 §4.2 payload descriptors and frame assembly edge cases.
class Vp8DepacketizerTest {
    /// A minimal key frame: frame tag with P=0, start code, 320x240.
    private static final String KEY_FRAME = "5003009d012a4001f000";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "plain S=1, 10, 1",
        "X without extension byte, 90, -1",
        "X with nothing set, 9000, 2",
        "I with 7-bit PictureID, 908012, 3",
        "I with 15-bit PictureID, 90808123, 4",
        "I with 15-bit PictureID cut short, 908081, -1",
        "I L T K, 90f0812345ab, 6",
        "L only, 904033, 3",
        "K only, 901021, 3",
        "empty, '', -1",
    })
    void parsesPayloadDescriptorLengths(String name, String hex, int expected) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThat(Vp8Depacketizer.descriptorLength(bytes, 0, bytes.length)).isEqualTo(expected);
    }

    @Test
    void assemblesAFrameOverPacketsAndReadsKeyFrameDimensions() {
        Vp8Depacketizer depacketizer = new Vp8Depacketizer();
        assertThat(depacketizer.push(bytes("10" + KEY_FRAME.substring(0, 8)), 0, 5, 7, 90, false)).isNull();
        var frame = depacketizer.push(bytes("00" + KEY_FRAME.substring(8)), 0, 7, 8, 90, true);
        assertThat(frame).isNotNull();
        assertThat(frame.keyFrame()).isTrue();
        assertThat(frame.length()).isEqualTo(10);
        assertThat(frame.width()).isEqualTo(320);
        assertThat(frame.height()).isEqualTo(240);
        assertThat(depacketizer.needsKeyFrame()).isFalse();
    }

    @Test
    void dropsInterFramesUntilTheFirstKeyFrame() {
        Vp8Depacketizer depacketizer = new Vp8Depacketizer();
        assertThat(depacketizer.push(bytes("10" + "f10300"), 0, 4, 1, 0, true)).isNull(); // P=1: inter frame
        assertThat(depacketizer.framesDropped()).isEqualTo(1);
        assertThat(depacketizer.push(bytes("10" + KEY_FRAME), 0, 11, 2, 3000, true)).isNotNull();
        assertThat(depacketizer.push(bytes("10" + "f10300"), 0, 4, 3, 6000, true)).isNotNull();
    }

    @Test
    void ignoresDuplicatesAndCountsMalformedPackets() {
        Vp8Depacketizer depacketizer = new Vp8Depacketizer();
        assertThat(depacketizer.push(bytes("10" + KEY_FRAME), 0, 11, 2, 3000, true)).isNotNull();
        assertThat(depacketizer.push(bytes("10" + KEY_FRAME), 0, 11, 2, 3000, true)).isNull();
        assertThat(depacketizer.push(bytes("90"), 0, 1, 3, 6000, true)).isNull();
        assertThat(depacketizer.malformedPackets()).isEqualTo(1);
        assertThat(depacketizer.needsKeyFrame()).isTrue();
    }

    @Test
    void aKeyFrameWithoutItsStartCodeIsRejected() {
        Vp8Depacketizer depacketizer = new Vp8Depacketizer();
        assertThat(depacketizer.push(bytes("10" + "50030000000040010000"), 0, 11, 1, 0, true)).isNull();
        assertThat(depacketizer.needsKeyFrame()).isTrue();
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
