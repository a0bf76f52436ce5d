package com.convene.backend.meeting;

import com.convene.backend.account.Caller;
import com.convene.backend.audit.Audited;
import com.convene.model.api.JoinInfo;
import com.convene.model.api.MeetingCreateRequest;
import com.convene.model.api.MeetingJoinRequest;
import com.convene.model.api.MeetingView;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/// Seed 002's `POST /meetings/create` (same as `POST /api/v1/meetings`) and `POST /meetings/join` (checks the
/// meeting and its password, answers where to connect).
@Controller("/meetings")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "seed-002")
class LegacyMeetingController {

    private final MeetingService meetings;

    LegacyMeetingController(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Operation(summary = "Schedule a meeting (seed 002 alias of POST /api/v1/meetings)")
    @Audited(value = "meeting.create", target = "meeting")
    @Post("/create")
    HttpResponse<MeetingView> create(@Body MeetingCreateRequest request, Authentication authentication) {
        return MeetingController.created(meetings.create(Caller.from(authentication), request));
    }

    /// What a client needs to join: meeting id, join code, signaling URL. Admission (waiting room) happens over
    /// signaling.
    @Operation(summary = "Prepare to join a meeting: id, code and signaling URL (seed 002)")
    @Post("/join")
    JoinInfo join(@Body MeetingJoinRequest request, Authentication authentication) {
        return meetings.joinInfo(request.meeting() == null ? "" : request.meeting(), request.password(),
                Caller.from(authentication).userId());
    }
}
