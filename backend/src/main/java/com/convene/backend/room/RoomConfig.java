package com.convene.backend.room;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/// Room-state settings, prefix `convene.room`; defaults follow seed 000.
///
/// @param roomTtl        expiry of `meeting_room:{id}`, refreshed on every write (default `14400s`, 4 h)
/// @param sessionTtl     expiry of `session:{id}`, refreshed on every write (default `7200s`, 2 h)
/// @param maxCasAttempts compare-and-set retries of one update under contention (with random backoff), 1–100 (default 50)
/// @param presenceTtl    expiry of `presence:{user_id}`, refreshed by every client heartbeat (default `300s`)
/// @param signalingTtl   expiry of `ice_candidates:{connection_id}`, `sdp_offer:{connection_id}` and
///                       `sdp_answer:{connection_id}` (default `300s`)
@ConfigurationProperties("convene.room")
public record RoomConfig(
        @Bindable(defaultValue = "14400s") @NotNull Duration roomTtl,
        @Bindable(defaultValue = "7200s") @NotNull Duration sessionTtl,
        @Bindable(defaultValue = "50") @Min(1) @Max(100) int maxCasAttempts,
        @Bindable(defaultValue = "300s") @NotNull Duration presenceTtl,
        @Bindable(defaultValue = "300s") @NotNull Duration signalingTtl) {
}
