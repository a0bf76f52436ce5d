package com.convene.backend.signaling;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

/// `convene_signaling_connected_clients`: open signaling WebSockets on this node, read from [LiveConnections] at
/// scrape time.
@Singleton
final class SignalingMeterBinder implements MeterBinder {
  private final LiveConnections connections;

  SignalingMeterBinder(LiveConnections connections) {
    this.connections = connections;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("convene.signaling.connected.clients", connections, LiveConnections::size)
        .description("Open signaling WebSockets on this node").register(registry);
  }
}
