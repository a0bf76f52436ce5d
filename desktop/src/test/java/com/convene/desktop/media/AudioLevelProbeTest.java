package com.convene.desktop.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/// The level meter's RMS of 16-bit PCM.
class AudioLevelProbeTest {

  private static byte[] pcm(short... samples) {
    byte[] bytes = new byte[samples.length * 2];
    for (int i = 0; i < samples.length; i++) {
      bytes[2 * i] = (byte) samples[i];
      bytes[2 * i + 1] = (byte) (samples[i] >> 8);
    }
    return bytes;
  }

  @Test
  void silenceIsZeroAndFullScaleSquareWaveIsOne() {
    assertThat(AudioLevelProbe.rms(pcm((short) 0, (short) 0), 2)).isZero();
    assertThat(AudioLevelProbe.rms(pcm(Short.MAX_VALUE, (short) -Short.MAX_VALUE), 2)).isCloseTo(1.0, within(1e-9));
    assertThat(AudioLevelProbe.rms(new byte[0], 0)).isZero();
  }

  @Test
  void aSineMeasuresItsAmplitudeOverRootTwo() {
    short[] samples = new short[480]; // 10 ms at 48 kHz: 4.4 periods of 440 Hz
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) Math.round(Math.sin(2 * Math.PI * 440 * i / 48_000.0) * 0.3 * Short.MAX_VALUE);
    }
    assertThat(AudioLevelProbe.rms(pcm(samples), samples.length)).isCloseTo(0.3 / Math.sqrt(2), within(0.01));
  }
}
