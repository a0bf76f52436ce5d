package com.convene.desktop.call;

import com.convene.model.signal.Hello;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.Joined;
import com.convene.model.signal.LeaveRequest;
import com.convene.model.signal.Left;
import com.convene.model.signal.MediaKind;
import com.convene.model.signal.MediaSource;
import com.convene.model.signal.ParticipantInfo;
import com.convene.model.signal.ParticipantJoined;
import com.convene.model.signal.ParticipantLeft;
import com.convene.model.signal.ParticipantUpdated;
import com.convene.model.signal.PublishAnswer;
import com.convene.model.signal.PublishOffer;
import com.convene.model.signal.SetMediaState;
import com.convene.model.signal.Signal;
import com.convene.model.signal.SignalError;
import com.convene.model.signal.SubscribeAnswer;
import com.convene.model.signal.SubscribeOffer;
import com.convene.model.signal.TrackInfo;
import com.convene.model.signal.TrackPublished;
import com.convene.model.signal.TrackSource;
import com.convene.model.signal.TrackUnpublished;
import com.convene.model.signal.Welcome;
import com.convene.model.signal.ErrorCode;
import com.convene.sfu.PublishedTrack;
import com.convene.sfu.SfuListener;
import com.convene.sfu.SfuParticipant;
import com.convene.sfu.SfuRoom;
import com.convene.sfu.SfuServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/// The signaling protocol of `docs/decisions/002-two-peer-connections.md` served in-process on top of the real
/// [SfuServer], so [CallSession] can be tested with real media before the backend's WebSocket endpoint exists.
/// Only the transport is replaced: SDP, ICE, DTLS and RTP go through the SFU over UDP.
public final class SfuSignalingBridge implements SignalingConnector {
  private final SfuServer sfu;
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();
  private final Map<String, MediaSource> sources = new ConcurrentHashMap<>();

  public SfuSignalingBridge(SfuServer sfu) {
    this.sfu = sfu;
  }

  @Override
  public CompletableFuture<SignalingChannel> open(SignalListener listener) {
    return CompletableFuture.completedFuture(new Connection(listener));
  }

  /// One client's signaling connection; requests are handled in order on its own thread.
  private final class Connection implements SignalingChannel {
    private final SignalListener listener;
    private final ExecutorService inbox = Executors.newSingleThreadExecutor();
    private final ExecutorService outbox = Executors.newSingleThreadExecutor();
    private final AtomicInteger revision = new AtomicInteger();
    private volatile ParticipantInfo info;
    private volatile SfuRoom room;
    private volatile SfuParticipant participant;

    Connection(SignalListener listener) {
      this.listener = listener;
    }

    void deliver(Signal signal) {
      outbox.execute(() -> listener.onSignal(signal));
    }

    @Override
    public void send(Signal signal) {
      inbox.execute(() -> {
        try {
          handle(signal);
        } catch (RuntimeException e) {
          deliver(new SignalError(null, ErrorCode.INTERNAL_ERROR, "bridge: " + e.getMessage()));
        }
      });
    }

    private void handle(Signal signal) {
      switch (signal) {
        case Hello hello -> deliver(new Welcome(1, UUID.randomUUID().toString(), UUID.randomUUID().toString()));
        case JoinRequest join -> {
          String participantId = UUID.randomUUID().toString();
          info = new ParticipantInfo(participantId, UUID.randomUUID().toString(), join.displayName(), "participant",
              join.audioMuted(), join.videoMuted(), false, false);
          room = sfu.room(join.meeting());
          List<ParticipantInfo> others = connections.values().stream()
              .filter(c -> c.room == room).map(c -> c.info).toList();
          List<TrackInfo> tracks = room.tracks().stream().map(SfuSignalingBridge.this::trackInfo).toList();
          deliver(new Joined(join.requestId(), UUID.randomUUID().toString(), "Bridge meeting", participantId,
              others, tracks));
          connections.values().stream().filter(c -> c.room == room).forEach(c -> c.deliver(new ParticipantJoined(info)));
          connections.put(participantId, this);
          participant = room.join(participantId, new SfuListener() {
            @Override
            public void onSubscriberOffer(String sdpOffer) {
              deliver(new SubscribeOffer(revision.incrementAndGet(), sdpOffer));
            }

            @Override
            public void onTrackPublished(PublishedTrack track) {
              deliver(new TrackPublished(trackInfo(track)));
            }

            @Override
            public void onTrackUnpublished(PublishedTrack track) {
              deliver(new TrackUnpublished(trackInfo(track)));
            }
          });
        }
        case PublishOffer offer -> {
          for (TrackSource source : offer.sources()) {
            sources.put(source.trackId(), source.source());
          }
          deliver(new PublishAnswer(offer.requestId(), participant.acceptPublisherOffer(offer.sdp())));
        }
        case SubscribeAnswer answer -> participant.acceptSubscriberAnswer(answer.sdp());
        case SetMediaState state -> {
          info = new ParticipantInfo(info.participantId(), info.userId(), info.displayName(), info.role(),
              state.audioMuted(), state.videoMuted(), state.screenSharing(), false);
          others().forEach(c -> c.deliver(new ParticipantUpdated(info)));
        }
        case LeaveRequest leave -> {
          leaveRoom();
          deliver(new Left(leave.requestId(), "left"));
        }
        default -> deliver(new SignalError(null, ErrorCode.MALFORMED_MESSAGE, "unexpected " + signal));
      }
    }

    private List<Connection> others() {
      return connections.values().stream().filter(c -> c != this && c.room == room).toList();
    }

    private void leaveRoom() {
      if (participant != null) {
        connections.remove(info.participantId());
        room.leave(info.participantId());
        others().forEach(c -> c.deliver(new ParticipantLeft(info.participantId(), "left")));
        participant = null;
      }
    }

    @Override
    public void close() {
      inbox.execute(() -> {
        leaveRoom();
        outbox.execute(() -> listener.onClosed(1000, "bye"));
        outbox.shutdown();
      });
      inbox.shutdown();
    }
  }

  private TrackInfo trackInfo(PublishedTrack track) {
    MediaKind kind = track.kind() == com.convene.sfu.MediaKind.AUDIO ? MediaKind.AUDIO : MediaKind.VIDEO;
    MediaSource source = sources.getOrDefault(track.trackId(),
        kind == MediaKind.AUDIO ? MediaSource.MICROPHONE : MediaSource.CAMERA);
    return new TrackInfo(track.participantId(), track.trackId(), kind, source);
  }
}
