package com.convene.desktop.media;

import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;

/// The level of a local audio source for the device settings' meter: the RMS of its most recent 10 ms of 16-bit
/// PCM, as a fraction of full scale (0–1; a full-scale sine is about 0.71, the app's test tone about 0.21).
///
/// Thread-safe: the source's thread writes, any thread reads [#rms()].
public final class AudioLevelProbe implements AutoCloseable {
  private volatile double rms;
  private final Runnable stop;

  private AudioLevelProbe(Runnable stop) {
    this.stop = stop;
  }

  /// Measures a sine tone generated as for a call (`--tone-hz`), without publishing it.
  /// @param frequencyHz tone frequency in Hz, 20–20,000
  public static AudioLevelProbe tone(double frequencyHz) {
    CustomAudioSource source = new CustomAudioSource();
    ToneGenerator generator = ToneGenerator.start(source, frequencyHz);
    AudioLevelProbe[] probe = new AudioLevelProbe[1];
    probe[0] = new AudioLevelProbe(() -> {
      generator.close();
      source.dispose();
    });
    generator.setTap(pcm -> probe[0].rms = rms(pcm, pcm.length / 2));
    generator.setFeeding(true);
    return probe[0];
  }

  /// Measures what a real audio module records from its current recording device (start it through
  /// [MediaEngine#microphoneLevel]).
  static AudioLevelProbe recording(AudioDeviceModuleBase module) {
    AudioLevelProbe[] probe = new AudioLevelProbe[1];
    probe[0] = new AudioLevelProbe(() -> {
      module.stopRecording();
      module.setAudioSink((data, samples, bytesPerSample, channels, rate, delay, drift) -> { });
    });
    module.setAudioSink((data, samples, bytesPerSample, channels, rate, delay, drift) ->
        probe[0].rms = bytesPerSample / Math.max(1, channels) == 2 ? rms(data, samples * channels) : 0);
    module.initRecording();
    module.startRecording();
    return probe[0];
  }

  /// The latest level, 0–1.
  public double rms() {
    return rms;
  }

  /// RMS of little-endian 16-bit samples as a fraction of full scale, 0–1.
  /// @param pcm     the samples, at least `2 * samples` bytes
  /// @param samples number of samples to read (all channels interleaved)
  static double rms(byte[] pcm, int samples) {
    int count = Math.min(samples, pcm.length / 2);
    if (count <= 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < count; i++) {
      int sample = (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8));
      sum += (double) sample * sample;
    }
    return Math.min(1.0, Math.sqrt(sum / count) / Short.MAX_VALUE);
  }

  /// Stops the source.
  @Override
  public void close() {
    stop.run();
  }
}
