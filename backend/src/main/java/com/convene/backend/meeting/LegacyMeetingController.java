package com.convene.backend.meeting;

import com.convene.backend.account.Caller;
import com.convene.model.api.MeetingCreateRequest;
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

/// Seed 002's `POST /meetings/create`, the same operation as `POST /api/v1/meetings`.
@Controller("/meetings")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class LegacyMeetingController {

    private final MeetingService meetings;

    LegacyMeetingController(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Post("/create")
    HttpResponse<MeetingView> create(@Body MeetingCreateRequest request, Authentication authentication) {
        return MeetingController.created(meetings.create(Caller.from(authentication), request));
    }
}
