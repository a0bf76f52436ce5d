package com.convene.desktop.media;

import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Pushes a continuous sine tone into a `CustomAudioSource`: 48 kHz mono 16-bit PCM in 10 ms chunks, paced
/// against the monotonic clock on its own daemon thread (catching up after scheduling hiccups).
///
/// libwebrtc aborts the process (`audio_send_stream.cc` race check) when two threads write into one audio send
/// stream at once. Headless, the tone's track lives in [MediaEngine#publishFactory()], whose audio module never
/// captures, so this thread is the only writer. With real devices the module's capture thread also writes, so
/// the tone starts paused and resumes after [MediaEngine#stopDeviceCapture()] (see [LocalTrack#setFeeding]).
final class ToneGenerator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ToneGenerator.class);
  static final int SAMPLE_RATE_HZ = 48_000;
  static final int CHUNK_FRAMES = SAMPLE_RATE_HZ / 100;
  /// Peak amplitude as a fraction of full scale; the RMS of the tone is this / sqrt(2), about 0.21.
  static final double AMPLITUDE = 0.3;
  private static final long CHUNK_NANOS = 10_000_000L;

  private final CustomAudioSource source;
  private final double frequencyHz;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean feeding;
  /// Sees each chunk after it is pushed (the device settings' level meter), or null.
  private volatile @Nullable Consumer<byte[]> tap;
  private double phase;

  private ToneGenerator(CustomAudioSource source, double frequencyHz) {
    if (frequencyHz < 20 || frequencyHz > 20_000) {
      throw new IllegalArgumentException("tone frequency must be 20-20000 Hz: " + frequencyHz);
    }
    this.source = source;
    this.frequencyHz = frequencyHz;
    this.thread = Thread.ofPlatform().daemon().name("tone-" + (int) frequencyHz + "Hz").unstarted(this::run);
  }

  /// Starts the tone.
  /// @param frequencyHz tone frequency in Hz, 20–20,000
  static ToneGenerator start(CustomAudioSource source, double frequencyHz) {
    ToneGenerator generator = new ToneGenerator(source, frequencyHz);
    generator.thread.start();
    return generator;
  }

  /// Fills `pcm` (little-endian 16-bit) with the next `CHUNK_FRAMES` samples, continuing the phase.
  void fillChunk(byte[] pcm) {
    double step = 2 * Math.PI * frequencyHz / SAMPLE_RATE_HZ;
    for (int i = 0; i < CHUNK_FRAMES; i++) {
      short sample = (short) Math.round(Math.sin(phase) * AMPLITUDE * Short.MAX_VALUE);
      pcm[2 * i] = (byte) sample;
      pcm[2 * i + 1] = (byte) (sample >> 8);
      phase += step;
      if (phase > 2 * Math.PI) {
        phase -= 2 * Math.PI;
      }
    }
  }

  private void run() {
    byte[] pcm = new byte[CHUNK_FRAMES * 2];
    long next = System.nanoTime();
    try {
      while (running) {
        long now = System.nanoTime();
        if (!feeding) {
          TimeUnit.MILLISECONDS.sleep(10);
          next = System.nanoTime();
          continue;
        }
        if (now < next) {
          TimeUnit.NANOSECONDS.sleep(next - now);
          continue;
        }
        fillChunk(pcm);
        source.pushAudio(pcm, 16, SAMPLE_RATE_HZ, 1, CHUNK_FRAMES);
        Consumer<byte[]> listener = tap;
        if (listener != null) {
          listener.accept(pcm);
        }
        next += CHUNK_NANOS;
        if (now - next > 200 * CHUNK_NANOS) {
          next = now; // far behind (suspended process): resume rather than burst
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("Tone generator stopped: {}", e.toString());
    }
  }

  /// Sets who sees each 10 ms chunk of PCM on the generator's thread (it must not keep the array), or null.
  void setTap(@Nullable Consumer<byte[]> listener) {
    this.tap = listener;
  }

  /// Starts or pauses pushing audio; paused time is skipped, not caught up.
  void setFeeding(boolean feeding) {
    this.feeding = feeding;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
