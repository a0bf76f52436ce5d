package com.convene.backend.meeting;

import com.convene.backend.account.AccountService;
import com.convene.backend.account.Caller;
import com.convene.backend.problem.FieldErrors;
import com.convene.backend.problem.ProblemException;
import com.convene.backend.problem.ProblemType;
import com.convene.model.api.InvitationRequest;
import com.convene.model.api.InvitationView;
import com.convene.model.api.UserView;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Invitations to a meeting (by account or e-mail address) and the invitees' answers (RSVP).
///
/// The host and admins invite and withdraw invitations; the host, admins and invitees see them; an invitee answers
/// their own invitation (an admin may record an answer for anyone, e.g. one received by e-mail). An invitation lets
/// a member see the meeting (`GET /api/v1/meetings/{id}`, `.ics`, occurrences).
///
/// Blocking JDBC: call from a blocking executor. Thread-safe.
@Singleton
public class InvitationService {

    private static final Logger LOG = LoggerFactory.getLogger(InvitationService.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> ANSWERS = Set.of("accepted", "declined", "tentative");

    private final InvitationRepository invitations;
    private final MeetingService meetings;
    private final AccountService accounts;

    InvitationService(InvitationRepository invitations, MeetingService meetings, AccountService accounts) {
        this.invitations = invitations;
        this.meetings = meetings;
        this.accounts = accounts;
    }

    /// Invites an account or an e-mail address; an address that belongs to an account invites that account.
    ///
    /// @throws ProblemException `not-found`, `forbidden`, `validation` or `conflict` (already invited, or the meeting
    ///                          is over)
    public InvitationView invite(Caller caller, UUID meetingId, InvitationRequest request) {
        Meeting meeting = meetings.require(meetingId);
        meetings.requireManager(caller, meeting, "invite people to");
        if (meeting.meetingStatus() == MeetingStatus.ENDED || meeting.meetingStatus() == MeetingStatus.CANCELLED) {
            throw new MeetingException(ProblemType.CONFLICT, "Nobody can be invited to an ended or cancelled meeting.");
        }
        FieldErrors errors = new FieldErrors();
        String email = request.email() == null || request.email().isBlank() ? null
                : request.email().strip().toLowerCase(Locale.ROOT);
        if ((request.userId() == null) == (email == null)) {
            errors.add("userId", "give exactly one of userId and email");
        }
        if (email != null && (email.length() > 255 || !EMAIL.matcher(email).matches())) {
            errors.add("email", "must be a valid e-mail address");
        }
        if (request.displayName() != null && request.displayName().strip().length() > 200) {
            errors.add("displayName", "must be at most 200 characters");
        }
        errors.throwIfAny();

        Optional<UserView> account = request.userId() != null ? accounts.find(request.userId())
                : accounts.findByEmail(Objects.requireNonNull(email));
        if (request.userId() != null && account.isEmpty()) {
            throw new MeetingException(ProblemType.NOT_FOUND, "No account has this id.");
        }
        UUID userId = account.map(UserView::id).orElse(null);
        String address = account.map(UserView::email).orElse(email);
        if (meeting.hostUserId().equals(userId)) {
            throw new MeetingException(ProblemType.CONFLICT, "The host does not need an invitation.");
        }
        if (invitations.exists(meetingId, userId, address)) {
            throw new MeetingException(ProblemType.CONFLICT, "This person is already invited.");
        }
        String name = account.map(UserView::displayName)
                .orElse(request.displayName() == null || request.displayName().isBlank()
                        ? Objects.requireNonNull(address) : request.displayName().strip());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Invitation invitation = new Invitation(UUID.randomUUID(), meetingId, userId, name, address, "participant",
                Invitation.INVITED, "pending", now, now);
        try {
            invitations.save(invitation);
        } catch (DataAccessException e) {
            throw new ProblemException(ProblemType.CONFLICT, "This person is already invited.", List.of(), e);
        }
        LOG.info("Invited: meetingId={} invitationId={} userId={} by userId={}", meetingId,
                invitation.participantId(), userId, caller.userId());
        return toView(invitation);
    }

    /// The invitations of a meeting, oldest first.
    ///
    /// @throws ProblemException `not-found` or `forbidden`
    public List<InvitationView> list(Caller caller, UUID meetingId) {
        meetings.get(caller, meetingId);
        return invitations.findAll(meetingId).stream().map(InvitationService::toView).toList();
    }

    /// Withdraws an invitation.
    ///
    /// @throws ProblemException `not-found` or `forbidden`
    public void withdraw(Caller caller, UUID meetingId, UUID invitationId) {
        Meeting meeting = meetings.require(meetingId);
        meetings.requireManager(caller, meeting, "withdraw invitations to");
        if (invitations.delete(meetingId, invitationId) == 0) {
            throw new MeetingException(ProblemType.NOT_FOUND, "This meeting has no such invitation.");
        }
        LOG.info("Invitation withdrawn: meetingId={} invitationId={} by userId={}", meetingId, invitationId,
                caller.userId());
    }

    /// Records the invitee's answer.
    ///
    /// @param response `accepted`, `declined` or `tentative`
    /// @throws ProblemException `not-found`, `forbidden` (not the invitee nor an admin) or `validation`
    public InvitationView rsvp(Caller caller, UUID meetingId, UUID invitationId, @Nullable String response) {
        Invitation invitation = invitations.find(meetingId, invitationId)
                .orElseThrow(() -> new MeetingException(ProblemType.NOT_FOUND, "This meeting has no such invitation."));
        if (!caller.isAdmin() && !caller.userId().equals(invitation.userId())) {
            throw new MeetingException(ProblemType.FORBIDDEN, "Only the invitee can answer this invitation.");
        }
        String answer = response == null ? "" : response.strip().toLowerCase(Locale.ROOT);
        if (!ANSWERS.contains(answer)) {
            FieldErrors errors = new FieldErrors();
            errors.add("response", "must be accepted, declined or tentative");
            errors.throwIfAny();
        }
        invitations.updateRsvp(invitationId, answer, Instant.now().truncatedTo(ChronoUnit.MICROS));
        return invitations.find(meetingId, invitationId).map(InvitationService::toView).orElseThrow();
    }

    private static InvitationView toView(Invitation i) {
        return new InvitationView(i.participantId(), i.meetingId(), i.userId(), i.email(), i.displayName(), i.rsvp(),
                i.createdAt(), i.updatedAt());
    }
}
