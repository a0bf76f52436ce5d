package com.convene.backend.meeting;

import com.convene.backend.account.Caller;
import com.convene.backend.audit.Audited;
import com.convene.backend.problem.FieldErrors;
import com.convene.model.api.MeetingCreateRequest;
import com.convene.model.api.MeetingUpdateRequest;
import com.convene.model.api.MeetingView;
import com.convene.model.api.OccurrenceView;
import com.convene.model.api.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/// `/api/v1/meetings`: schedule, list, read, change and cancel meetings and series; occurrences and `.ics`.
///
/// Members see meetings they host or are invited to and manage those they host; admins see and manage all.
/// Not `final`: [Audited] operations need Micronaut's generated subclass.
@Controller("/api/v1/meetings")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "meetings")
class MeetingController {

    /// `text/calendar` (RFC 5545 §8.1).
    static final String TEXT_CALENDAR = "text/calendar";

    private final MeetingService meetings;

    MeetingController(MeetingService meetings) {
        this.meetings = meetings;
    }

    /// Schedules a meeting or a recurring series; 201 with `Location: /api/v1/meetings/{id}`.
    @Operation(summary = "Schedule a meeting or a recurring series")
    @Audited(value = "meeting.create", target = "meeting")
    @Post
    HttpResponse<MeetingView> create(@Body MeetingCreateRequest request, Authentication authentication) {
        return created(meetings.create(Caller.from(authentication), request));
    }

    /// Meetings I host or am invited to (all for an admin), by scheduled start, one page at a time.
    ///
    /// @param host   only meetings of this host
    /// @param status `scheduled`, `live`, `ended` or `cancelled`
    /// @param from   scheduled start at or after this instant (ISO-8601)
    /// @param to     scheduled start before this instant
    /// @param cursor `nextCursor` of the previous page
    /// @param limit  page size, 1–200 (default 50)
    @Operation(summary = "List meetings with filters and cursor paging")
    @Get
    Page<MeetingView> list(@QueryValue @Nullable UUID host, @QueryValue @Nullable String status,
                           @QueryValue @Nullable Instant from, @QueryValue @Nullable Instant to,
                           @QueryValue @Nullable String cursor, @QueryValue(defaultValue = "50") int limit,
                           Authentication authentication) {
        return meetings.list(Caller.from(authentication), host, status, from, to, cursor, limit);
    }

    /// One meeting: host, invitees and admins.
    @Operation(summary = "Get a meeting")
    @Get("/{id}")
    MeetingView get(UUID id, Authentication authentication) {
        return meetings.get(Caller.from(authentication), id);
    }

    /// A meeting by join code: the whole meeting for its host, invitees and admins; for anyone else holding the
    /// code only what joining needs (id, code, links, status, password and waiting-room flags; docs/security.md).
    @Operation(summary = "Look a meeting up by join code")
    @Get("/by-code/{code}")
    MeetingView byCode(String code, Authentication authentication) {
        return meetings.getByCode(Caller.from(authentication), code);
    }

    /// Changes a meeting; absent fields stay. Host or admin.
    @Operation(summary = "Update a meeting (host or admin)")
    @Audited(value = "meeting.update", target = "meeting")
    @Patch("/{id}")
    MeetingView update(UUID id, @Body MeetingUpdateRequest request, Authentication authentication) {
        return meetings.update(Caller.from(authentication), id, request);
    }

    /// Cancels a meeting or a whole series; host or admin.
    @Operation(summary = "Cancel a meeting or series (host or admin)")
    @Audited(value = "meeting.cancel", target = "meeting")
    @Post("/{id}/cancel")
    MeetingView cancel(UUID id, Authentication authentication) {
        return meetings.cancel(Caller.from(authentication), id);
    }

    /// Same as `POST /{id}/cancel`: meetings are never deleted, only cancelled, so the log stays intact.
    @Operation(summary = "Cancel a meeting (same as POST /{id}/cancel)")
    @Audited(value = "meeting.cancel", target = "meeting")
    @Delete("/{id}")
    MeetingView delete(UUID id, Authentication authentication) {
        return meetings.cancel(Caller.from(authentication), id);
    }

    /// Occurrences whose start lies in `[from, to)` (at most 400 days), cancelled ones marked.
    ///
    /// The caller is authorised before the parameters are read: someone who may not see the meeting gets 403
    /// (or 404), never a 400 that confirms the meeting exists and teaches the parameters.
    ///
    /// @param from ISO-8601 instant, required
    /// @param to   ISO-8601 instant after `from`, required
    @Operation(summary = "List the occurrences of a meeting or series in a time range")
    @Get("/{id}/occurrences")
    List<OccurrenceView> occurrences(UUID id, @QueryValue @Nullable String from, @QueryValue @Nullable String to,
                                     Authentication authentication) {
        Caller caller = Caller.from(authentication);
        meetings.get(caller, id);
        FieldErrors errors = new FieldErrors();
        Instant start = instant(errors, "from", from);
        Instant end = instant(errors, "to", to);
        errors.throwIfAny();
        return meetings.occurrences(caller, id, start, end);
    }

    private static @Nullable Instant instant(FieldErrors errors, String name, @Nullable String text) {
        if (text == null || text.isBlank()) {
            errors.add(name, "is required");
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(name, "must be an ISO-8601 instant such as 2031-01-13T09:00:00Z");
            return null;
        }
    }

    /// Cancels one occurrence of a series, named by its original start (ISO-8601 instant); host or admin.
    @Operation(summary = "Cancel one occurrence of a series (host or admin)")
    @Audited(value = "meeting.cancel-occurrence", target = "meeting")
    @Post("/{id}/occurrences/{start}/cancel")
    OccurrenceView cancelOccurrence(UUID id, Instant start, Authentication authentication) {
        return meetings.cancelOccurrence(Caller.from(authentication), id, start);
    }

    /// The meeting or series as an iCalendar file with the join link (RFC 5545).
    @Operation(summary = "Download the meeting or series as .ics")
    @Get("/{id}/calendar.ics")
    @Produces(TEXT_CALENDAR)
    HttpResponse<String> ics(UUID id, Authentication authentication) {
        return HttpResponse.ok(meetings.ics(Caller.from(authentication), id))
                .contentType(MediaType.of(TEXT_CALENDAR + ";charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"meeting-" + id + ".ics\"");
    }

    static HttpResponse<MeetingView> created(MeetingView view) {
        return HttpResponse.created(view, URI.create("/api/v1/meetings/" + view.id()));
    }
}
