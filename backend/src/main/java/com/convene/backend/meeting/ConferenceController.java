package com.convene.backend.meeting;

import com.convene.backend.account.Caller;
import com.convene.backend.audit.Audited;
import com.convene.backend.problem.FieldErrors;
import com.convene.model.api.ConferenceRequest;
import com.convene.model.api.MeetingView;
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
import java.util.UUID;

/// Seed 002's `POST /conferences/start` and `POST /conferences/stop`: mark a meeting live or ended; host or admin.
@Controller("/conferences")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "seed-002")
class ConferenceController {

    private final MeetingService meetings;

    ConferenceController(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Operation(summary = "Mark a meeting live (seed 002; host or admin)")
    @Audited(value = "meeting.start", target = "meeting")
    @Post("/start")
    MeetingView start(@Body ConferenceRequest request, Authentication authentication) {
        return meetings.startConference(Caller.from(authentication), meetingId(request));
    }

    @Operation(summary = "End a live meeting for everyone (seed 002; host or admin)")
    @Audited(value = "meeting.stop", target = "meeting")
    @Post("/stop")
    MeetingView stop(@Body ConferenceRequest request, Authentication authentication) {
        return meetings.stopConference(Caller.from(authentication), meetingId(request));
    }

    private static UUID meetingId(ConferenceRequest request) {
        if (request.meetingId() == null) {
            FieldErrors errors = new FieldErrors();
            errors.add("meetingId", "is required");
            errors.throwIfAny();
        }
        return request.meetingId();
    }
}
