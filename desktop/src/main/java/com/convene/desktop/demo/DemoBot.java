package com.convene.desktop.demo;

import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallListener;
import com.convene.desktop.call.CallSession;
import com.convene.desktop.call.ParticipantStats;
import com.convene.desktop.call.SignedIn;
import com.convene.desktop.call.WebSocketSignalingChannel;
import com.convene.desktop.media.AudioMode;
import com.convene.desktop.media.MediaEngine;
import com.convene.model.signal.ErrorCode;
import com.convene.model.signal.Joined;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// One demo participant: its own headless [MediaEngine] and a [CallSession] publishing the test pattern and a
/// tone. Thread-safe (the session confines its state to its own thread).
final class DemoBot implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoBot.class);

  private final String name;
  private final MediaEngine engine;
  private final CallSession session;

  private DemoBot(String name, MediaEngine engine, CallSession session) {
    this.name = name;
    this.engine = engine;
    this.session = session;
  }

  /// Creates the media engine and starts joining; returns at once, watch [#joined()]. Blocks briefly while the
  /// engine starts.
  /// @param meetingId meeting id (UUID text) or join code
  /// @param name      display name, 1–200 characters, no spaces (it is a report token)
  /// @param toneHz    tone frequency in Hz, 20–20,000
  static DemoBot start(HttpClient http, SignedIn signedIn, String meetingId, String name, double toneHz) {
    MediaEngine engine = MediaEngine.create(AudioMode.HEADLESS);
    try {
      CallConfig config = new CallConfig(meetingId, name, CallConfig.CLIENT_NAME, CallConfig.AudioChoice.TONE,
          toneHz, CallConfig.VideoChoice.PATTERN, null, null, false, false);
      CallSession session = CallSession.start(config, engine,
          WebSocketSignalingChannel.connector(http, signedIn.serverUrl(), signedIn.accessToken()),
          new CallListener() {
            @Override
            public void onError(ErrorCode code, String message) {
              LOG.warn("Server error for {}: {} {}", name, code, message);
            }
          });
      return new DemoBot(name, engine, session);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  String name() {
    return name;
  }

  CompletableFuture<Joined> joined() {
    return session.joined();
  }

  CompletableFuture<String> ended() {
    return session.ended();
  }

  Optional<String> participantId() {
    return session.participantId();
  }

  List<ParticipantStats> stats() {
    return session.stats();
  }

  /// Leaves (up to about 5 s) and releases the media engine. Not on the FX thread.
  @Override
  public void close() {
    try {
      session.close();
    } finally {
      engine.close();
    }
  }
}
