package com.convene.backend.meeting;

import com.convene.backend.account.Caller;
import com.convene.model.api.MeetingCreateRequest;
import com.convene.model.api.MeetingView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/// `/api/v1/meetings`: schedule, list, read and cancel meetings. Any authenticated user.
@Controller("/api/v1/meetings")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class MeetingController {

    private final MeetingService meetings;

    MeetingController(MeetingService meetings) {
        this.meetings = meetings;
    }

    /// Schedules a meeting; 201 with `Location: /api/v1/meetings/{id}`.
    @Post
    HttpResponse<MeetingView> create(@Body MeetingCreateRequest request, Authentication authentication) {
        return created(meetings.create(Caller.from(authentication), request));
    }

    /// Meetings I host (all for an admin), upcoming first; `from`/`to` bound the scheduled start (ISO-8601).
    @Get
    List<MeetingView> list(@QueryValue @Nullable Instant from, @QueryValue @Nullable Instant to,
                           Authentication authentication) {
        return meetings.list(Caller.from(authentication), from, to);
    }

    @Get("/{id}")
    MeetingView get(UUID id) {
        return meetings.get(id);
    }

    @Get("/by-code/{code}")
    MeetingView byCode(String code) {
        return meetings.getByCode(code);
    }

    /// Cancels; host or admin only.
    @Post("/{id}/cancel")
    MeetingView cancel(UUID id, Authentication authentication) {
        return meetings.cancel(Caller.from(authentication), id);
    }

    /// Same as `POST /{id}/cancel`: meetings are never deleted, only cancelled, so the log stays intact.
    @Delete("/{id}")
    MeetingView delete(UUID id, Authentication authentication) {
        return meetings.cancel(Caller.from(authentication), id);
    }

    static HttpResponse<MeetingView> created(MeetingView view) {
        return HttpResponse.created(view, URI.create("/api/v1/meetings/" + view.id()));
    }
}
