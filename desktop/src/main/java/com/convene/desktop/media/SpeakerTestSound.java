package com.convene.desktop.media;

import dev.onvoid.webrtc.media.MediaDevices;
import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.audio.AudioPlayer;
import dev.onvoid.webrtc.media.audio.AudioSource;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The device settings' speaker test: a 440 Hz tone, faded in and out over 20 ms, played on one speaker through
/// webrtc-java's `AudioPlayer` (its own audio device module, so a preview's microphone keeps running). Counts
/// the samples the speaker pulls: none means the device took nothing.
public final class SpeakerTestSound {
  /// Tone frequency, Hz.
  static final double FREQUENCY_HZ = 440;
  /// Peak amplitude, fraction of full scale (about -12 dBFS: audible, not startling).
  static final double AMPLITUDE = 0.25;
  private static final Logger LOG = LoggerFactory.getLogger(SpeakerTestSound.class);

  private SpeakerTestSound() {}

  /// Plays the tone on the speaker with `speakerId` (webrtc-java descriptor) for `millis` ms and returns when
  /// it is over. Blocking: never on the FX thread.
  ///
  /// @return the samples (per channel) the speaker pulled
  /// @throws IllegalArgumentException when no speaker has that id
  public static long play(String speakerId, long millis) throws InterruptedException {
    AudioDevice speaker = MediaDevices.getAudioRenderDevices().stream()
        .filter(device -> device.getDescriptor().equals(speakerId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no speaker " + speakerId));
    AtomicLong played = new AtomicLong();
    AudioSource tone = (buffer, samples, bytesPerSample, channels, sampleRate) -> {
      long first = played.get();
      long fadeSamples = sampleRate / 50;
      long totalSamples = sampleRate * millis / 1000;
      for (int i = 0; i < samples; i++) {
        long n = first + i;
        double envelope = Math.min(1, Math.min(n, Math.max(0, totalSamples - n)) / (double) fadeSamples);
        short value = (short) (Short.MAX_VALUE * AMPLITUDE * envelope
            * Math.sin(2 * Math.PI * FREQUENCY_HZ * n / sampleRate));
        for (int c = 0; c < channels; c++) {
          int at = (i * channels + c) * 2;
          buffer[at] = (byte) value;
          buffer[at + 1] = (byte) (value >> 8);
        }
      }
      played.addAndGet(samples);
      return samples;
    };
    AudioPlayer player = new AudioPlayer();
    player.setAudioDevice(speaker);
    player.setAudioSource(tone);
    player.start();
    try {
      Thread.sleep(millis);
    } finally {
      player.stop();
    }
    LOG.info("Speaker test on {}: {} samples", speaker.getName(), played.get());
    return played.get();
  }
}
