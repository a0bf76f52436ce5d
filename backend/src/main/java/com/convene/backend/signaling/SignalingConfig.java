package com.convene.backend.signaling;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/// Signaling settings, prefix `convene.signaling` (docs/decisions/080-signaling-resume.md).
///
/// @param accountCheckInterval how often connected users are checked against `users.status` (default `1s`; read
///                             by [DisabledAccountSweep] through its `@Scheduled` placeholder)
/// @param resumeGrace          how long a joined participant whose socket closed without `leave` stays in the room,
///                             waiting for a `resume` (default `20s`; env `CONVENE_SIGNALING_RESUME_GRACE`)
/// @param resumeBuffer         messages kept for a detached participant, 1–100,000 (default 512); one more and its
///                             resume is refused, it leaves when the grace period ends
/// @param pingInterval         how often every open socket gets a WebSocket ping (default `10s`; read by
///                             [SocketLiveness] through its `@Scheduled` placeholder)
/// @param idleTimeout          a socket that sent nothing (no frame, no pong) for this long is closed as dead
///                             (default `30s`; env `CONVENE_SIGNALING_IDLE_TIMEOUT`), at least twice `pingInterval`
@ConfigurationProperties("convene.signaling")
record SignalingConfig(
    @Bindable(defaultValue = "1s") @NotNull Duration accountCheckInterval,
    @Bindable(defaultValue = "20s") @NotNull Duration resumeGrace,
    @Bindable(defaultValue = "512") @Min(1) @Max(100_000) int resumeBuffer,
    @Bindable(defaultValue = "10s") @NotNull Duration pingInterval,
    @Bindable(defaultValue = "30s") @NotNull Duration idleTimeout) {}
