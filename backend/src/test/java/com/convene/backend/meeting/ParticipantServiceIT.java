package com.convene.backend.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.convene.backend.BackendTestSupport;
import com.convene.backend.problem.ProblemException;
import com.convene.backend.problem.ProblemType;
import com.convene.model.api.MeetingView;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ParticipantServiceIT extends BackendTestSupport {

    @Inject
    ParticipantService participants;

    @Inject
    MeetingService meetings;

    @Test
    void recordsJoinAndLeaveInMeetingParticipants() {
        MeetingView meeting = scheduleAsAdmin("{\"title\": \"Stand-up\", \"muteOnEntry\": true}");
        MeetingView joinable = meetings.findForJoin(meeting.joinCode().toUpperCase());

        UUID participantId = participants.recordJoin(joinable.id(), meeting.hostUserId(), "Ada", "conn-1",
                "192.0.2.10", "Convene-Desktop/0.1");

        Participant joined = participants.find(participantId).orElseThrow();
        assertThat(joined.joinedAt()).isNotNull();
        assertThat(joined.leftAt()).isNull();
        assertThat(joined.status()).isEqualTo("joined");
        assertThat(joined.role()).isEqualTo("host");
        assertThat(joined.isMuted()).isTrue();
        assertThat(joined.ipAddress()).isEqualTo("192.0.2.10");
        assertThat(joined.connectionId()).isEqualTo("conn-1");
        assertThat(participants.countPresent(meeting.id())).isEqualTo(1);
        assertThat(meetings.get(meeting.id()).status()).isEqualTo("live");
        assertThat(meetings.get(meeting.id()).actualStart()).isNotNull();

        assertThat(participants.recordLeave(participantId)).isTrue();
        assertThat(participants.recordLeave(participantId)).isFalse();

        Participant left = participants.find(participantId).orElseThrow();
        assertThat(left.leftAt()).isNotNull().isAfterOrEqualTo(left.joinedAt());
        assertThat(left.status()).isEqualTo("left");
        assertThat(left.durationMinutes()).isEqualTo(0);
        assertThat(participants.countPresent(meeting.id())).isZero();

        assertThat(meetings.markEnded(meeting.id())).isTrue();
        assertThatThrownBy(() -> meetings.findForJoin(meeting.id().toString()))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.MEETING_ENDED));
    }

    @Test
    void recordsGuestWithoutUserAndDropsBadAddress() {
        MeetingView meeting = scheduleAsAdmin("{\"title\": \"Guests\"}");

        UUID participantId = participants.recordJoin(meeting.id(), null, "Guest 1", null, "not-an-ip", null);

        Participant guest = participants.find(participantId).orElseThrow();
        assertThat(guest.userId()).isNull();
        assertThat(guest.role()).isEqualTo("participant");
        assertThat(guest.ipAddress()).isNull();
    }

    @Test
    void checksMeetingPassword() {
        MeetingView meeting = scheduleAsAdmin("{\"title\": \"Locked\", \"requirePassword\": true, \"password\": \"open-sesame\"}");

        UUID joiner = UUID.randomUUID();
        meetings.checkJoinPassword(meeting.id(), "open-sesame", joiner);
        assertThatThrownBy(() -> meetings.checkJoinPassword(meeting.id(), "wrong", joiner))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.MEETING_PASSWORD_REQUIRED));
    }

    private MeetingView scheduleAsAdmin(String json) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/meetings", json)
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(adminToken()), MeetingView.class);
    }
}
