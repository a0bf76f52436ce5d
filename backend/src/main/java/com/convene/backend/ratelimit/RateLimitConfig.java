package com.convene.backend.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/// Token-bucket sizes, prefix `convene.rate-limit` (docs/decisions/093-rate-limits.md). Each action has a burst (the
/// bucket's capacity, 1–10,000 tokens, full at first use) and an interval (one token comes back per interval,
/// 1 ms–1 h). Defaults allow what a person does and refuse what a script does.
///
/// @param chatBurst               chat messages one user may send at once in one meeting (default 10)
/// @param chatInterval            then one more per this (default `1s`): 300 messages in 7 s store about 17
/// @param reactionBurst           reactions at once (default 10)
/// @param reactionInterval        then one per this (default `300ms`)
/// @param handBurst               raise/lower changes at once (default 4)
/// @param handInterval            then one per this (default `2s`)
/// @param knockBurst              waiting-room joins of one user for one meeting at once (default 5)
/// @param knockInterval           then one per this (default `10s`)
/// @param passwordUserBurst       wrong meeting passwords of one user for one meeting before refusals (default 5)
/// @param passwordUserInterval    then one more attempt per this (default `1m`)
/// @param passwordMeetingBurst    wrong passwords of all users together for one meeting (default 30)
/// @param passwordMeetingInterval then one more per this (default `10s`)
@ConfigurationProperties("convene.rate-limit")
public record RateLimitConfig(
        @Bindable(defaultValue = "10") @Min(1) @Max(10_000) int chatBurst,
        @Bindable(defaultValue = "1s") @NotNull Duration chatInterval,
        @Bindable(defaultValue = "10") @Min(1) @Max(10_000) int reactionBurst,
        @Bindable(defaultValue = "300ms") @NotNull Duration reactionInterval,
        @Bindable(defaultValue = "4") @Min(1) @Max(10_000) int handBurst,
        @Bindable(defaultValue = "2s") @NotNull Duration handInterval,
        @Bindable(defaultValue = "5") @Min(1) @Max(10_000) int knockBurst,
        @Bindable(defaultValue = "10s") @NotNull Duration knockInterval,
        @Bindable(defaultValue = "5") @Min(1) @Max(10_000) int passwordUserBurst,
        @Bindable(defaultValue = "1m") @NotNull Duration passwordUserInterval,
        @Bindable(defaultValue = "30") @Min(1) @Max(10_000) int passwordMeetingBurst,
        @Bindable(defaultValue = "10s") @NotNull Duration passwordMeetingInterval) {

    /// The bucket of `action`.
    BucketSpec spec(RateLimitedAction action) {
        return switch (action) {
            case CHAT -> new BucketSpec(chatBurst, chatInterval);
            case REACTION -> new BucketSpec(reactionBurst, reactionInterval);
            case HAND -> new BucketSpec(handBurst, handInterval);
            case KNOCK -> new BucketSpec(knockBurst, knockInterval);
            case PASSWORD_PER_USER -> new BucketSpec(passwordUserBurst, passwordUserInterval);
            case PASSWORD_PER_MEETING -> new BucketSpec(passwordMeetingBurst, passwordMeetingInterval);
        };
    }

    /// One bucket's shape.
    ///
    /// @param capacity tokens when full, 1–10,000
    /// @param interval time for one token to come back, 1 ms–1 h
    record BucketSpec(int capacity, Duration interval) {
        BucketSpec {
            if (interval.toMillis() < 1 || interval.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("interval must be 1 ms to 1 h, got " + interval);
            }
        }

        long intervalMillis() {
            return interval.toMillis();
        }

        /// How long an untouched bucket takes to fill up again, ms: its key may expire then.
        long fullAfterMillis() {
            return capacity * intervalMillis();
        }
    }
}
