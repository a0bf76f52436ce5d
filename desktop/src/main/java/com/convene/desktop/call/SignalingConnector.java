package com.convene.desktop.call;

import java.util.concurrent.CompletableFuture;

/// Opens a [SignalingChannel] that delivers to the given listener.
@FunctionalInterface
public interface SignalingConnector {
  /// Starts connecting; the future fails with a [CallException] when the server cannot be reached.
  CompletableFuture<SignalingChannel> open(SignalListener listener);
}
