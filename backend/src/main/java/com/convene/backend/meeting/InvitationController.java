package com.convene.backend.meeting;

import com.convene.backend.account.Caller;
import com.convene.backend.audit.Audited;
import com.convene.model.api.InvitationRequest;
import com.convene.model.api.InvitationView;
import com.convene.model.api.RsvpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/// `/api/v1/meetings/{id}/invitations`: invite by account or e-mail, list, withdraw, answer (RSVP).
///
/// Not `final`: [Audited] operations need Micronaut's generated subclass.
@Controller("/api/v1/meetings/{id}/invitations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "invitations")
class InvitationController {

    private final InvitationService invitations;

    InvitationController(InvitationService invitations) {
        this.invitations = invitations;
    }

    /// Invites an account or an e-mail address; host or admin. 201.
    @Operation(summary = "Invite a user or an e-mail address (host or admin)")
    @Audited(value = "meeting.invite", target = "meeting")
    @Post
    HttpResponse<InvitationView> invite(UUID id, @Body InvitationRequest request, Authentication authentication) {
        InvitationView view = invitations.invite(Caller.from(authentication), id, request);
        return HttpResponse.created(view, URI.create("/api/v1/meetings/" + id + "/invitations/" + view.id()));
    }

    /// The meeting's invitations; host, invitees and admins.
    @Operation(summary = "List a meeting's invitations")
    @Get
    List<InvitationView> list(UUID id, Authentication authentication) {
        return invitations.list(Caller.from(authentication), id);
    }

    /// Withdraws an invitation; host or admin. 204.
    @Operation(summary = "Withdraw an invitation (host or admin)")
    @Audited(value = "meeting.uninvite", target = "meeting")
    @Delete("/{invitationId}")
    HttpResponse<Void> withdraw(UUID id, UUID invitationId, Authentication authentication) {
        invitations.withdraw(Caller.from(authentication), id, invitationId);
        return HttpResponse.noContent();
    }

    /// Answers an invitation: `accepted`, `declined` or `tentative`; the invitee (or an admin).
    @Operation(summary = "Answer an invitation (RSVP)")
    @Audited(value = "meeting.rsvp", target = "meeting")
    @Post("/{invitationId}/rsvp")
    InvitationView rsvp(UUID id, UUID invitationId, @Body RsvpRequest request, Authentication authentication) {
        return invitations.rsvp(Caller.from(authentication), id, invitationId, request.response());
    }
}
