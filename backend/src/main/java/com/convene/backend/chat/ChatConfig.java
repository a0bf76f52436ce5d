package com.convene.backend.chat;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/// Chat settings, prefix `convene.chat`; defaults follow seeds 000 and 004.
///
/// @param historySize   messages kept in `chat:{meeting_id}` and sent to a joiner, 1–1,000 (seed 000: 100)
/// @param cacheTtl      expiry of `chat:{meeting_id}`, refreshed on every message (seed 000: `24h`)
/// @param streamMaxLen  approximate cap of `chat_stream:{meeting_id}` entries, 100–1,000,000 (seed 004: 10,000)
/// @param streamTtl     expiry of `chat_stream:{meeting_id}`, refreshed on every message (seed 004: `24h`)
/// @param readBlock     how long one XREADGROUP waits for new entries, 10 ms–5 s (default `200ms`); also the
///                      longest delay before a newly opened room's stream is read
@ConfigurationProperties("convene.chat")
public record ChatConfig(
        @Bindable(defaultValue = "100") @Min(1) @Max(1000) int historySize,
        @Bindable(defaultValue = "24h") @NotNull Duration cacheTtl,
        @Bindable(defaultValue = "10000") @Min(100) @Max(1_000_000) int streamMaxLen,
        @Bindable(defaultValue = "24h") @NotNull Duration streamTtl,
        @Bindable(defaultValue = "200ms") @NotNull Duration readBlock) {
}
