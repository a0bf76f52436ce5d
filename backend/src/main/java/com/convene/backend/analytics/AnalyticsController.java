package com.convene.backend.analytics;

import com.convene.backend.account.Caller;
import com.convene.backend.problem.ProblemException;
import com.convene.backend.problem.ProblemType;
import com.convene.model.api.AnalyticsPage;
import com.convene.model.api.MeetingEventView;
import com.convene.model.api.QualitySampleView;
import com.convene.model.api.UsageView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/// `/api/v1/analytics`: the analytics tables for admins, as JSON pages ([AnalyticsPage]: `items` and an opaque
/// `nextCursor` to pass back as `cursor`). Members get `403 urn:convene:problem:forbidden`; an unreachable Cassandra
/// gives `503 service-unavailable`; a foreign cursor `400 bad-request`.
///
/// | GET | returns |
/// |---|---|
/// | `/meetings/{meetingId}/events?limit&cursor` | the meeting's event timeline, oldest first |
/// | `/meetings/{meetingId}/participants/{participantId}/quality?from&to&limit&cursor` | the participant's call quality time series in `[from, to)` (ISO-8601 instants; default the last 24 h), oldest first |
/// | `/usage?from&to&dimension&limit&cursor` | `daily_usage_stats` for the UTC days `from`..`to` (ISO dates, at most 92 days; default yesterday) and `dimension` (`all`, `region`, `device_type` or `user_id`; default `all`) |
///
/// `limit` is 1–`convene.analytics.max-page-size` (default 100).
@Controller("/api/v1/analytics")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "analytics")
final class AnalyticsController {

    private static final int MAX_USAGE_DAYS = 92;

    private final AnalyticsQueryService queries;
    private final AnalyticsConfig config;

    AnalyticsController(AnalyticsQueryService queries, AnalyticsConfig config) {
        this.queries = queries;
        this.config = config;
    }

    /// A meeting's event timeline (`meeting_events`), oldest first.
    ///
    /// @param limit  page size, 1–`max-page-size` (default 100)
    /// @param cursor `nextCursor` of the previous page
    @Operation(summary = "Page through a meeting's event timeline (admin)")
    @Get("/meetings/{meetingId}/events")
    AnalyticsPage<MeetingEventView> events(UUID meetingId, @QueryValue @Nullable Integer limit,
                                           @QueryValue @Nullable String cursor, Authentication authentication) {
        requireAdmin(authentication);
        return queries.events(meetingId, limit(limit), cursor);
    }

    /// A participant's call quality (`call_quality_metrics`, one sample per 5 s), oldest first.
    ///
    /// @param from   start, ISO-8601 instant, inclusive (default `to` − 24 h)
    /// @param to     end, ISO-8601 instant, exclusive (default now)
    /// @param limit  page size, 1–`max-page-size` (default 100)
    /// @param cursor `nextCursor` of the previous page (carries its own range)
    @Operation(summary = "Page through a participant's call-quality time series (admin)")
    @Get("/meetings/{meetingId}/participants/{participantId}/quality")
    AnalyticsPage<QualitySampleView> quality(UUID meetingId, UUID participantId,
                                             @QueryValue @Nullable String from, @QueryValue @Nullable String to,
                                             @QueryValue @Nullable Integer limit,
                                             @QueryValue @Nullable String cursor, Authentication authentication) {
        requireAdmin(authentication);
        Instant end = to == null ? Instant.now() : instant(to, "to");
        Instant start = from == null ? end.minus(Duration.ofDays(1)) : instant(from, "from");
        if (!end.isAfter(start)) {
            throw new ProblemException(ProblemType.INVALID_TIME_RANGE, "to must be after from.");
        }
        return queries.quality(meetingId, participantId, start, end, limit(limit), cursor);
    }

    /// Daily usage (`daily_usage_stats`) by one dimension, day by day.
    ///
    /// @param from      first UTC day, ISO date (default yesterday)
    /// @param to        last UTC day, inclusive, at most 92 days after `from` (default `from`)
    /// @param dimension `all`, `region`, `device_type` or `user_id` (default `all`)
    /// @param limit     page size, 1–`max-page-size` (default 100)
    /// @param cursor    `nextCursor` of the previous page
    @Operation(summary = "Page through daily usage by region, device type or user (admin)")
    @Get("/usage")
    AnalyticsPage<UsageView> usage(@QueryValue @Nullable String from, @QueryValue @Nullable String to,
                                   @QueryValue @Nullable String dimension, @QueryValue @Nullable Integer limit,
                                   @QueryValue @Nullable String cursor, Authentication authentication) {
        requireAdmin(authentication);
        LocalDate yesterday = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1);
        LocalDate start = from == null ? yesterday : date(from, "from");
        LocalDate end = to == null ? start : date(to, "to");
        if (end.isBefore(start) || end.isAfter(start.plusDays(MAX_USAGE_DAYS - 1))) {
            throw new ProblemException(ProblemType.INVALID_TIME_RANGE,
                    "to must be on or after from, at most " + MAX_USAGE_DAYS + " days later.");
        }
        String dim = dimension == null ? "all" : dimension;
        if (!UsageRollupJob.DIMENSIONS.contains(dim)) {
            throw invalid("dimension", "must be one of " + String.join(", ", UsageRollupJob.DIMENSIONS));
        }
        return queries.usage(start, end, dim, limit(limit), cursor);
    }

    private static void requireAdmin(Authentication authentication) {
        if (!Caller.from(authentication).isAdmin()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only administrators may read analytics.");
        }
    }

    private int limit(@Nullable Integer limit) {
        int value = limit == null ? 100 : limit;
        if (value < 1 || value > config.maxPageSize()) {
            throw invalid("limit", "must be between 1 and " + config.maxPageSize());
        }
        return value;
    }

    private static Instant instant(String text, String field) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be an ISO-8601 instant such as 2026-01-15T10:00:00Z");
        }
    }

    private static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be an ISO-8601 date such as 2026-01-15");
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "Invalid request parameters.",
                List.of(new com.convene.model.api.ProblemFieldError(field, message)), null);
    }
}
