package com.convene.desktop.call;

import com.convene.model.signal.Signal;

/// Receives what arrives on a [SignalingChannel], one call at a time, on the transport's thread.
public interface SignalListener {
  /// A decoded message.
  void onSignal(Signal signal);

  /// The connection closed.
  /// @param statusCode WebSocket close code (RFC 6455 §7.4), e.g. 1000, or 4xxx from the server
  /// @param reason     close reason, possibly empty
  void onClosed(int statusCode, String reason);

  /// The connection failed or a frame could not be decoded.
  void onFailure(Throwable error);
}
