package com.convene.e2e;

import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallListener;
import com.convene.desktop.call.CallSession;
import com.convene.desktop.call.ParticipantStats;
import com.convene.desktop.call.WebSocketSignalingChannel;
import com.convene.desktop.media.AudioMode;
import com.convene.desktop.media.MediaEngine;
import com.convene.model.signal.MediaSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/// One real participant for end-to-end tests: the desktop app's own media engine ([MediaEngine],
/// [CallSession]) with the headless audio module, signed in over REST and joined over the signaling WebSocket.
final class Peer implements AutoCloseable {
  private final String name;
  private final MediaEngine engine;
  private final CallSession session;
  final Set<String> leftParticipants;
  final Set<String> endedTracks;
  final Map<String, VideoTrack> remoteScreens;

  private Peer(
      String name,
      MediaEngine engine,
      CallSession session,
      Set<String> leftParticipants,
      Set<String> endedTracks,
      Map<String, VideoTrack> remoteScreens) {
    this.name = name;
    this.engine = engine;
    this.session = session;
    this.leftParticipants = leftParticipants;
    this.endedTracks = endedTracks;
    this.remoteScreens = remoteScreens;
  }

  /// Joins `meeting` as `account`, publishing `video` and a tone of `toneHz` (or no audio when `toneHz` is 0).
  static Peer join(
      E2eBackend backend,
      RestFixture.Account account,
      String meeting,
      String name,
      CallConfig.VideoChoice video,
      double toneHz,
      CallListener extra)
      throws Exception {
    return joinVia(backend.baseUri(), account, meeting, name, video, toneHz, extra);
  }

  /// Waits up to 15 s until `peer` is in the meeting; closes it when it is not.
  private static Peer awaitJoined(Peer peer) throws Exception {
    try {
      peer.session.joined().get(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      peer.close();
      throw e;
    }
    return peer;
  }

  /// Starts joining `meeting` with an optional meeting `password` and returns at once: watch
  /// [CallSession#joined()] (it stays pending while the peer sits in the waiting room).
  static Peer start(
      E2eBackend backend,
      RestFixture.Account account,
      String meeting,
      String name,
      CallConfig.VideoChoice video,
      double toneHz,
      String password,
      CallListener extra) {
    return start(backend.baseUri(), account, meeting, name, video, toneHz, password, extra);
  }

  /// Joins like [#join] but reaches the signaling server at `server` (for example a [TcpRelay] in front of the
  /// backend); the media still goes to the SFU directly.
  static Peer joinVia(
      java.net.URI server,
      RestFixture.Account account,
      String meeting,
      String name,
      CallConfig.VideoChoice video,
      double toneHz,
      CallListener extra)
      throws Exception {
    return awaitJoined(start(server, account, meeting, name, video, toneHz, null, extra));
  }

  private static Peer start(
      java.net.URI server,
      RestFixture.Account account,
      String meeting,
      String name,
      CallConfig.VideoChoice video,
      double toneHz,
      String password,
      CallListener extra) {
    MediaEngine engine = MediaEngine.create(AudioMode.HEADLESS);
    Set<String> left = ConcurrentHashMap.newKeySet();
    Set<String> ended = ConcurrentHashMap.newKeySet();
    Map<String, VideoTrack> screens = new ConcurrentHashMap<>();
    CallListener listener =
        new CallListener() {
          @Override
          public void onParticipantLeft(String participantId) {
            left.add(participantId);
            extra.onParticipantLeft(participantId);
          }

          @Override
          public void onRemoteTrackEnded(String participantId, String trackId) {
            ended.add(participantId + "/" + trackId);
            extra.onRemoteTrackEnded(participantId, trackId);
          }

          @Override
          public void onRecordingStarted(String recordingId, boolean automatic) {
            extra.onRecordingStarted(recordingId, automatic);
          }

          @Override
          public void onReconnecting(boolean reconnecting) {
            extra.onReconnecting(reconnecting);
          }

          @Override
          public void onError(com.convene.model.signal.ErrorCode code, String message) {
            extra.onError(code, message);
          }

          @Override
          public void onChatMessage(com.convene.model.signal.ChatEntry message) {
            extra.onChatMessage(message);
          }

          @Override
          public void onRecordingStopped(String recordingId, String reason) {
            extra.onRecordingStopped(recordingId, reason);
          }

          @Override
          public void onRemoteVideoTrack(String participantId, String trackId, MediaSource source, VideoTrack track) {
            if (source == MediaSource.SCREEN) {
              screens.put(participantId, track);
            }
            extra.onRemoteVideoTrack(participantId, trackId, source, track);
          }
        };
    CallConfig config =
        new CallConfig(
            meeting,
            name,
            CallConfig.CLIENT_NAME,
            toneHz > 0 ? CallConfig.AudioChoice.TONE : CallConfig.AudioChoice.NONE,
            toneHz > 0 ? toneHz : 440,
            video,
            null,
            null,
            false,
            false,
            password);
    CallSession session =
        CallSession.start(
            config,
            engine,
            WebSocketSignalingChannel.connector(HttpClient.newHttpClient(), server, account.token()),
            listener);
    return new Peer(name, engine, session, left, ended, screens);
  }

  String name() {
    return name;
  }

  CallSession session() {
    return session;
  }

  String participantId() {
    return session.participantId().orElseThrow();
  }

  List<ParticipantStats> stats() {
    return session.stats();
  }

  Optional<ParticipantStats> statsOf(Peer other) {
    String id = other.participantId();
    return stats().stream().filter(s -> s.participantId().equals(id)).findFirst();
  }

  @Override
  public void close() {
    session.close();
    engine.close();
  }
}
