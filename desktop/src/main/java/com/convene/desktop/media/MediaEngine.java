package com.convene.desktop.media;

import com.convene.model.signal.MediaSource;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.MediaDevices;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.audio.AudioLayer;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoDeviceSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The process's webrtc-java media stack: one `PeerConnectionFactory`, its audio device module, and
/// factories for the local tracks a call publishes.
///
/// Creation never aborts the JVM: in [AudioMode#AUTO] the platform audio module is only built after
/// [AudioDeviceProbe] found a sound server, otherwise the headless module is used and
/// [#realAudioDevices()] reports `false` so the UI can say so.
///
/// Thread-safe; [#create] blocks (device probing) and must not run on the FX thread.
public final class MediaEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MediaEngine.class);

  private final AudioDeviceModuleBase audioDeviceModule;
  private final boolean realAudioDevices;
  /// Subscribe side: its audio module plays out (and so feeds remote track sinks).
  private final PeerConnectionFactory factory;
  /// Publish side and local tracks. With real devices the same as [#factory]; headless, a second factory whose
  /// dummy audio module never captures, so a pushed (tone) track is the only writer into its audio send stream.
  private final PeerConnectionFactory publishFactory;
  private final AudioDeviceModuleBase publishAudioModule;
  private volatile boolean noiseSuppression = true;
  private volatile boolean closed;

  private MediaEngine(AudioDeviceModuleBase audioDeviceModule, boolean realAudioDevices) {
    this.audioDeviceModule = audioDeviceModule;
    this.realAudioDevices = realAudioDevices;
    this.factory = new PeerConnectionFactory(audioDeviceModule);
    if (realAudioDevices) {
      this.publishAudioModule = null;
      this.publishFactory = factory;
    } else {
      this.publishAudioModule = new AudioDeviceModule(AudioLayer.kDummyAudio);
      this.publishFactory = new PeerConnectionFactory(publishAudioModule);
    }
  }

  /// Builds the media stack. Blocks up to about 2 s while probing audio devices.
  public static MediaEngine create(AudioMode mode) {
    if (mode == AudioMode.AUTO && AudioDeviceProbe.realAudioDevicesUsable()) {
      try {
        AudioDeviceModule adm = new AudioDeviceModule();
        LOG.info("Using platform audio devices");
        return new MediaEngine(adm, true);
      } catch (RuntimeException | UnsatisfiedLinkError e) {
        LOG.warn("Platform audio devices unusable, falling back to headless audio: {}", e.toString());
      }
    } else if (mode == AudioMode.AUTO) {
      LOG.warn("No sound server found; joining without microphone and speakers");
    }
    HeadlessAudioDeviceModule headless = new HeadlessAudioDeviceModule();
    MediaEngine engine = new MediaEngine(headless, false);
    // The headless module only pulls decoded remote audio (and so feeds track sinks) while playout runs.
    headless.initPlayout();
    headless.startPlayout();
    return engine;
  }

  /// Whether real microphone and speakers are in use; `false` means the headless audio module.
  public boolean realAudioDevices() {
    return realAudioDevices;
  }

  /// The factory for the subscribe peer connection (remote media, played out). Valid until [#close()].
  public PeerConnectionFactory factory() {
    return factory;
  }

  /// The factory for the publish peer connection and every local track; use it for both, never mix factories
  /// within one connection. Headless it is a separate factory with libwebrtc's dummy audio module:
  /// HeadlessAudioDeviceModule's capture thread writes into every audio send stream whenever libwebrtc starts
  /// recording, and a pushed track writing at the same time aborts the JVM (`audio_send_stream.cc` race
  /// check), while stopping that thread from another thread can hang in webrtc-java 0.14.0. A module that never
  /// captures removes both. Valid until [#close()].
  public PeerConnectionFactory publishFactory() {
    return publishFactory;
  }

  /// Stops the audio module's own capture thread, which libwebrtc starts when an audio send stream starts.
  ///
  /// Required before a pushed audio track (tone) feeds: libwebrtc aborts the JVM (RTC_CHECK in
  /// `audio_send_stream.cc`) when the module's capture thread and a custom source write concurrently.
  /// Also silences a real microphone. Any thread.
  public void stopDeviceCapture() {
    try {
      audioDeviceModule.stopRecording();
    } catch (RuntimeException e) {
      LOG.debug("Audio module capture did not stop: {}", e.toString());
    }
  }

  /// Creates an audio track carrying a sine tone. Headless it feeds at once (nothing else writes into its send
  /// stream, see [#publishFactory()]); with real devices it starts paused: call [#stopDeviceCapture()] once the
  /// publish connection is negotiated, then [LocalTrack#setFeeding] `true`.
  /// @param frequencyHz tone frequency in Hz, 20–20,000
  public LocalTrack createToneTrack(double frequencyHz) {
    CustomAudioSource source = new CustomAudioSource();
    ToneGenerator generator = ToneGenerator.start(source, frequencyHz);
    AudioTrack track = publishFactory.createAudioTrack(newTrackId("audio"), source);
    boolean exclusive = realAudioDevices;
    generator.setFeeding(!exclusive);
    return new LocalTrack(track, MediaSource.MICROPHONE, generator::close, source::dispose,
        generator::setFeeding, exclusive);
  }

  /// Turns libwebrtc's noise suppression (`AudioOptions.noiseSuppression`, the audio processing module's NS)
  /// on or off for microphone tracks created from now on (the device settings' switch). On by default. Any thread.
  public void setNoiseSuppression(boolean on) {
    noiseSuppression = on;
  }

  /// Whether microphone tracks created now get noise suppression.
  public boolean noiseSuppression() {
    return noiseSuppression;
  }

  /// Creates an audio track from the default microphone, or a silent headless track without devices; noise
  /// suppression as [#setNoiseSuppression] last set it.
  public LocalTrack createMicrophoneTrack() {
    AudioOptions options = new AudioOptions();
    options.echoCancellation = true;
    options.noiseSuppression = noiseSuppression;
    options.autoGainControl = true;
    options.highpassFilter = true;
    AudioTrackSource source = publishFactory.createAudioSource(options);
    AudioTrack track = publishFactory.createAudioTrack(newTrackId("audio"), source);
    return new LocalTrack(track, MediaSource.MICROPHONE, () -> {}, () -> {});
  }

  /// Creates a video track showing moving colour bars and a burned-in frame counter ([TestPattern]).
  /// @param width  frame width in pixels, even, 16–3840
  /// @param height frame height in pixels, even, 16–2160
  /// @param fps    frames per second, 1–60
  public LocalTrack createTestPatternTrack(int width, int height, int fps) {
    CustomVideoSource source = new CustomVideoSource();
    TestPattern pattern = new TestPattern(width, height);
    FramePump pump = FramePump.start("test-pattern", source, fps, pattern::paint);
    VideoTrack track = publishFactory.createVideoTrack(newTrackId("camera"), source);
    return new LocalTrack(track, MediaSource.CAMERA, pump::close, source::dispose);
  }

  /// Creates a video track replaying a YUV4MPEG2 (`.y4m`, 4:2:0) file in a loop.
  /// @throws IOException when the file cannot be read or is not 4:2:0 Y4M
  public LocalTrack createFileTrack(Path y4mFile) throws IOException {
    Y4mReader reader = Y4mReader.open(y4mFile);
    CustomVideoSource source = new CustomVideoSource();
    FramePump pump = FramePump.start("y4m-file", source, reader.fps(), reader::paint);
    VideoTrack track = publishFactory.createVideoTrack(newTrackId("camera"), source);
    return new LocalTrack(track, MediaSource.CAMERA, () -> {
      pump.close();
      reader.close();
    }, source::dispose);
  }

  /// Creates a screen-share track fed by `capture` at `fps` frames per second (1–30).
  public LocalTrack createScreenTrack(ScreenCaptureSource capture, int fps) {
    CustomVideoSource source = new CustomVideoSource();
    FramePump pump = FramePump.startCapture("screen-capture", source, fps, capture);
    VideoTrack track = publishFactory.createVideoTrack(newTrackId("screen"), source);
    return new LocalTrack(track, MediaSource.SCREEN, () -> {
      pump.close();
      capture.close();
    }, source::dispose);
  }

  /// Opens the first camera as a 1280x720 @ 30 fps track (sent in three simulcast layers, decision 100), if a
  /// camera exists.
  public Optional<LocalTrack> createCameraTrack() {
    return createCameraTrack(null, false);
  }

  /// Opens a camera as a 1280x720 @ 30 fps track.
  ///
  /// @param cameraId webrtc-java descriptor of the camera ([DeviceInfo#id]), or null for the first camera
  /// @param exact    whether only that camera will do; otherwise a missing one falls back to the first camera
  /// @return the track, or empty when no (such) camera exists or it does not start
  public Optional<LocalTrack> createCameraTrack(@Nullable String cameraId, boolean exact) {
    if (!DeviceCatalog.camerasMayExist()) {
      return Optional.empty();
    }
    List<VideoDevice> devices;
    try {
      devices = MediaDevices.getVideoCaptureDevices();
    } catch (RuntimeException e) {
      LOG.warn("Camera enumeration failed: {}", e.toString());
      return Optional.empty();
    }
    if (devices.isEmpty()) {
      return Optional.empty();
    }
    VideoDevice device = devices.stream().filter(d -> d.getDescriptor().equals(cameraId)).findFirst()
        .orElse(exact && cameraId != null ? null : devices.getFirst());
    if (device == null) {
      return Optional.empty();
    }
    VideoDeviceSource source = new VideoDeviceSource();
    try {
      source.setVideoCaptureDevice(device);
      source.setVideoCaptureCapability(new VideoCaptureCapability(1280, 720, 30));
      source.start();
    } catch (RuntimeException e) {
      LOG.warn("Camera {} did not start: {}", device.getName(), e.toString());
      source.dispose();
      return Optional.empty();
    }
    VideoTrack track = publishFactory.createVideoTrack(newTrackId("camera"), source);
    LOG.info("Using camera {}", device.getName());
    return Optional.of(new LocalTrack(track, MediaSource.CAMERA, source::stop, source::dispose)
        .fromDevice(device.getDescriptor()));
  }

  /// Makes the audio module record from and play out on the chosen devices; no-op for a null id, an id that is
  /// not present (the system default stays) or without real audio devices.
  ///
  /// @param microphoneId webrtc-java descriptor of the microphone, or null
  /// @param speakerId    webrtc-java descriptor of the speaker, or null
  /// @return whether every non-null id was found and set
  public boolean useAudioDevices(@Nullable String microphoneId, @Nullable String speakerId) {
    if (!realAudioDevices) {
      return microphoneId == null && speakerId == null;
    }
    boolean found = true;
    try {
      if (microphoneId != null) {
        var microphone = audioDeviceModule.getRecordingDevices().stream()
            .filter(d -> d.getDescriptor().equals(microphoneId)).findFirst();
        microphone.ifPresent(audioDeviceModule::setRecordingDevice);
        found = microphone.isPresent();
      }
      if (speakerId != null) {
        var speaker = audioDeviceModule.getPlayoutDevices().stream()
            .filter(d -> d.getDescriptor().equals(speakerId)).findFirst();
        speaker.ifPresent(audioDeviceModule::setPlayoutDevice);
        found &= speaker.isPresent();
      }
    } catch (RuntimeException e) {
      LOG.warn("Choosing audio devices failed: {}", e.toString());
      return false;
    }
    return found;
  }

  /// Starts measuring the level of a real microphone (the device settings' meter), recording through this
  /// engine's audio module; empty without real audio devices or when that microphone is not present. Close it
  /// before joining a call.
  public Optional<AudioLevelProbe> microphoneLevel(String microphoneId) {
    if (!realAudioDevices || !useAudioDevices(microphoneId, null)) {
      return Optional.empty();
    }
    try {
      return Optional.of(AudioLevelProbe.recording(audioDeviceModule));
    } catch (RuntimeException e) {
      LOG.warn("Microphone level did not start: {}", e.toString());
      return Optional.empty();
    }
  }

  /// Releases the factory and the audio module. Close every track and peer connection first.
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (publishFactory != factory) {
      publishFactory.dispose();
      publishAudioModule.dispose();
    }
    factory.dispose();
    if (!realAudioDevices) {
      audioDeviceModule.stopPlayout();
    }
    audioDeviceModule.dispose();
  }

  static String newTrackId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

}
