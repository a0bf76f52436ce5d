package com.convene.backend.chat;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/// Chat settings, prefix `convene.chat`; defaults follow seeds 000 and 004 and
/// docs/decisions/024-chat-postgresql-first-then-stream.md.
///
/// @param historySize      messages kept in `chat:{meeting_id}` and sent to a joiner, 1–1,000 (seed 000: 100)
/// @param cacheTtl         expiry of `chat:{meeting_id}`, refreshed on every message (seed 000: `24h`)
/// @param streamMaxLen     approximate cap of `chat_stream:{meeting_id}` entries, 100–1,000,000 (seed 004: 10,000)
/// @param streamTtl        expiry of `chat_stream:{meeting_id}`, refreshed on every message (seed 004: `24h`)
/// @param readBlock        how long one XREADGROUP waits for new entries, 10 ms–5 s (default `200ms`); also the
///                         longest delay before a newly opened room's stream is read
/// @param storeDeadline    longest time from `chat-send` to its answer when PostgreSQL is slow or down
///                         (connection, insert and commit), default `1500ms` (the answer's trip to the client
///                         stays within the 2 s); later, the insert is rolled back and the sender gets
///                         `SERVICE_UNAVAILABLE`
/// @param storeConcurrency chat inserts running at once on this node, 1–64 (default 4): the most pool connections
///                         a hung PostgreSQL can hold for chat; more wait for a permit within their deadline
/// @param publishRetryMin  first pause after a failed publication to Redis, default `250ms`; doubles per failure
/// @param publishRetryMax  longest pause between publication attempts while Redis fails, default `2s`
/// @param sweepInterval    how often the publisher looks for unpublished rows without being woken (rows another
///                         node left behind), default `5s`
/// @param deliveredIdsPerMeeting message ids a node remembers per live meeting to deliver each once, 100–1,000,000
///                         (default 10,000, the stream's length)
@ConfigurationProperties("convene.chat")
public record ChatConfig(
        @Bindable(defaultValue = "100") @Min(1) @Max(1000) int historySize,
        @Bindable(defaultValue = "24h") @NotNull Duration cacheTtl,
        @Bindable(defaultValue = "10000") @Min(100) @Max(1_000_000) int streamMaxLen,
        @Bindable(defaultValue = "24h") @NotNull Duration streamTtl,
        @Bindable(defaultValue = "200ms") @NotNull Duration readBlock,
        @Bindable(defaultValue = "1500ms") @NotNull Duration storeDeadline,
        @Bindable(defaultValue = "4") @Min(1) @Max(64) int storeConcurrency,
        @Bindable(defaultValue = "250ms") @NotNull Duration publishRetryMin,
        @Bindable(defaultValue = "2s") @NotNull Duration publishRetryMax,
        @Bindable(defaultValue = "5s") @NotNull Duration sweepInterval,
        @Bindable(defaultValue = "10000") @Min(100) @Max(1_000_000) int deliveredIdsPerMeeting) {
}
