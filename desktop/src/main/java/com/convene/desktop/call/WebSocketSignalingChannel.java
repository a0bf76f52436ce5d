package com.convene.desktop.call;

import com.convene.model.signal.Signal;
import com.convene.model.signal.SignalCodec;
import com.convene.model.signal.SignalDecodeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// [SignalingChannel] over `java.net.http.WebSocket` (RFC 6455), one JSON text frame per message
/// ([SignalCodec]), authenticated with `Authorization: Bearer` on the upgrade request (RFC 6750 §2.1).
///
/// Sends are chained so that at most one is outstanding, as the JDK WebSocket requires.
public final class WebSocketSignalingChannel implements SignalingChannel {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketSignalingChannel.class);
  private static final SignalCodec CODEC = new SignalCodec();

  private final WebSocket socket;
  private CompletableFuture<?> sendTail = CompletableFuture.completedFuture(null);
  private final SignalListener listener;

  private WebSocketSignalingChannel(WebSocket socket, SignalListener listener) {
    this.socket = socket;
    this.listener = listener;
  }

  /// A connector for `ws(s)://<server>/ws/signaling` derived from the REST base URL.
  /// @param serverUrl   REST base URL such as `http://127.0.0.2:8080`
  /// @param accessToken bearer token from sign-in; never logged
  public static SignalingConnector connector(HttpClient client, URI serverUrl, String accessToken) {
    return connector(client, serverUrl, () -> accessToken);
  }

  /// A connector that asks `accessToken` for the token at each connection, so a reconnect late in a long call
  /// sends a renewed one ([SignedIn#accessToken]).
  /// @param accessToken called on the connecting thread (may block to renew; never the FX thread)
  public static SignalingConnector connector(HttpClient client, URI serverUrl, Supplier<String> accessToken) {
    URI wsUri = signalingUri(serverUrl);
    return listener -> {
      Receiver receiver = new Receiver(listener);
      String token;
      try {
        token = accessToken.get();
      } catch (CallException e) {
        return CompletableFuture.failedFuture(e);
      }
      return client.newWebSocketBuilder()
          .header("Authorization", "Bearer " + token)
          .connectTimeout(Duration.ofSeconds(10))
          .buildAsync(wsUri, receiver)
          .handle((socket, error) -> {
            if (error != null) {
              throw new CallException("Could not reach the meeting server.", error);
            }
            WebSocketSignalingChannel channel = new WebSocketSignalingChannel(socket, listener);
            LOG.info("Signaling connected to {}", wsUri);
            return channel;
          });
    };
  }

  /// Maps `http(s)://host[:port][/base]` to `ws(s)://host[:port][/base]/ws/signaling`.
  static URI signalingUri(URI serverUrl) {
    String scheme = "https".equalsIgnoreCase(serverUrl.getScheme()) ? "wss" : "ws";
    String path = serverUrl.getPath() == null ? "" : serverUrl.getPath().replaceAll("/+$", "");
    return URI.create(scheme + "://" + serverUrl.getRawAuthority() + path + "/ws/signaling");
  }

  @Override
  public synchronized void send(Signal signal) {
    String text = CODEC.encode(signal);
    sendTail = sendTail
        .handle((ignored, previousError) -> null)
        .thenCompose(ignored -> socket.sendText(text, true))
        .whenComplete((ignored, error) -> {
          if (error != null) {
            listener.onFailure(error);
          }
        });
  }

  @Override
  public synchronized void close() {
    if (!socket.isOutputClosed()) {
      sendTail = sendTail
          .handle((ignored, previousError) -> null)
          .thenCompose(ignored -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye"))
          .exceptionally(error -> {
            socket.abort();
            return null;
          });
    }
  }

  /// Reassembles text frames and decodes them; confined to the WebSocket's delivery thread.
  private static final class Receiver implements WebSocket.Listener {
    private final SignalListener listener;
    private final StringBuilder partial = new StringBuilder();

    Receiver(SignalListener listener) {
      this.listener = listener;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (partial.length() > SignalCodec.MAX_FRAME_CHARS) {
        partial.setLength(0);
        listener.onFailure(new SignalDecodeException("frame too long", null));
      } else if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        try {
          listener.onSignal(CODEC.decode(frame));
        } catch (SignalDecodeException e) {
          listener.onFailure(e);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      listener.onClosed(statusCode, reason);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      listener.onFailure(error);
    }
  }
}
