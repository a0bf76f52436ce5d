package com.convene.desktop.call;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/// The offer/answer steps of RFC 3264 on a webrtc-java peer connection, as futures.
///
/// The futures complete on libwebrtc's signaling thread: continue with an `*Async` stage on the session
/// executor, never call back into the peer connection from there.
final class PeerConnectionOps {
  /// How long to wait for host candidates before sending the SDP anyway, in ms.
  static final long GATHERING_TIMEOUT_MILLIS = 5_000;
  private static final long GATHERING_POLL_MILLIS = 20;

  private PeerConnectionOps() {}

  static CompletableFuture<RTCSessionDescription> createOffer(RTCPeerConnection pc) {
    CompletableFuture<RTCSessionDescription> result = new CompletableFuture<>();
    pc.createOffer(new RTCOfferOptions(), observer(result));
    return result;
  }

  static CompletableFuture<RTCSessionDescription> createAnswer(RTCPeerConnection pc) {
    CompletableFuture<RTCSessionDescription> result = new CompletableFuture<>();
    pc.createAnswer(new RTCAnswerOptions(), observer(result));
    return result;
  }

  static CompletableFuture<Void> setLocal(RTCPeerConnection pc, RTCSessionDescription description) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    pc.setLocalDescription(description, setObserver(result, "local"));
    return result;
  }

  static CompletableFuture<Void> setRemote(RTCPeerConnection pc, RTCSessionDescription description) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    pc.setRemoteDescription(description, setObserver(result, "remote"));
    return result;
  }

  /// Completes once ICE gathering is complete, or after [#GATHERING_TIMEOUT_MILLIS]: the SFU takes no trickled
  /// candidates, so the local description must carry them. Polls on `timer`.
  static CompletableFuture<Void> awaitGathering(RTCPeerConnection pc, ScheduledExecutorService timer) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GATHERING_TIMEOUT_MILLIS);
    Runnable[] poll = new Runnable[1];
    poll[0] = () -> {
      if (done.isDone()) {
        return;
      }
      if (pc.getIceGatheringState() == RTCIceGatheringState.COMPLETE || System.nanoTime() > deadline) {
        done.complete(null);
      } else {
        timer.schedule(poll[0], GATHERING_POLL_MILLIS, TimeUnit.MILLISECONDS);
      }
    };
    timer.execute(poll[0]);
    return done;
  }

  private static CreateSessionDescriptionObserver observer(CompletableFuture<RTCSessionDescription> result) {
    return new CreateSessionDescriptionObserver() {
      @Override
      public void onSuccess(RTCSessionDescription description) {
        result.complete(description);
      }

      @Override
      public void onFailure(String error) {
        result.completeExceptionally(new CallException("Media negotiation failed.", new IllegalStateException(error)));
      }
    };
  }

  private static SetSessionDescriptionObserver setObserver(CompletableFuture<Void> result, String side) {
    return new SetSessionDescriptionObserver() {
      @Override
      public void onSuccess() {
        result.complete(null);
      }

      @Override
      public void onFailure(String error) {
        result.completeExceptionally(
            new CallException("Media negotiation failed.", new IllegalStateException(side + ": " + error)));
      }
    };
  }
}
