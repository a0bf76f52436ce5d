package com.convene.desktop.call;

import com.convene.model.signal.Signal;

/// An open, authenticated signaling connection carrying [Signal] messages in order.
///
/// The transport (WebSocket today) stays behind this seam so [CallSession] knows only messages.
/// Implementations are thread-safe; [#send] never blocks.
public interface SignalingChannel extends AutoCloseable {

  /// Queues a message; messages are delivered in call order. Failures reach [SignalListener#onFailure].
  void send(Signal signal);

  /// Closes the connection normally (1000); idempotent.
  @Override
  void close();
}
