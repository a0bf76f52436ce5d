package com.convene.backend.lifecycle;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/// Meeting lifecycle settings, prefix `convene.lifecycle`; defaults in `application.yml`
/// (docs/decisions/042-meeting-lifecycle-and-reaper.md).
///
/// @param grace          how long a meeting whose last participant left stays live, so that someone who comes
///                       back joins the same meeting (default `120s`; env `CONVENE_LIFECYCLE_GRACE`), 0 s–1 h
/// @param leaseTtl       expiry of this node's `room_lease:{meeting_id}` keys in Redis, renewed every third of it
///                       while the node holds the room (default `15s`), 3 s–10 min
/// @param reaperInterval pause between two reaper runs; the first runs at start-up (default `30s`), 1 s–1 h
/// @param reaperEnabled  whether this node runs the reaper (default `true`)
/// @param nodeId         this node's name in the leases (env `CONVENE_NODE_ID`); blank: host name plus a random
///                       suffix, new on every start. A stable id lets a restarted node repair at once the rooms
///                       its previous run held, instead of after their leases expire
@ConfigurationProperties("convene.lifecycle")
record LifecycleConfig(
    @Bindable(defaultValue = "120s") @NotNull Duration grace,
    @Bindable(defaultValue = "15s") @NotNull Duration leaseTtl,
    @Bindable(defaultValue = "30s") @NotNull Duration reaperInterval,
    @Bindable(defaultValue = "true") boolean reaperEnabled,
    @Bindable(defaultValue = "") @NotNull String nodeId) {

  LifecycleConfig {
    requireWithin("grace", grace, Duration.ZERO, Duration.ofHours(1));
    requireWithin("lease-ttl", leaseTtl, Duration.ofSeconds(3), Duration.ofMinutes(10));
    requireWithin("reaper-interval", reaperInterval, Duration.ofSeconds(1), Duration.ofHours(1));
  }

  private static void requireWithin(String name, Duration value, Duration min, Duration max) {
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "convene.lifecycle." + name + " must be between " + min + " and " + max + ", was " + value);
    }
  }
}
