package com.convene.backend.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class RoomStateServiceIT extends BackendTestSupport {

    @Inject
    RoomStateService rooms;

    @Inject
    StatefulRedisConnection<String, String> redis;

    @Test
    void keepsRoomStateAsSeedJsonWithFourHourTtl() {
        UUID meetingId = UUID.randomUUID();
        rooms.openRoom(meetingId, true, false);

        rooms.addParticipant(meetingId, "user1");
        rooms.addParticipant(meetingId, "user2");
        RoomState state = rooms.setScreenSharingUser(meetingId, "user2");

        assertThat(state.activeParticipants()).containsExactly("user1", "user2");
        assertThat(state.participantCount()).isEqualTo(2);
        assertThat(state.screenSharingUser()).isEqualTo("user2");
        long ttl = redis.sync().ttl("meeting_room:" + meetingId);
        assertThat(ttl).isBetween(14_390L, 14_400L);
        String json = redis.sync().get("meeting_room:" + meetingId);
        assertThat(json).contains("\"active_participants\":[\"user1\",\"user2\"]", "\"participant_count\":2",
                "\"is_recording\":false", "\"screen_sharing_user\":\"user2\"", "\"chat_enabled\":true",
                "\"waiting_room_users\":[]", "\"breakout_rooms\":{}");
    }

    @Test
    void removingTheSharerStopsTheScreenShare() {
        UUID meetingId = UUID.randomUUID();
        rooms.addParticipant(meetingId, "a");
        rooms.addParticipant(meetingId, "b");
        rooms.setScreenSharingUser(meetingId, "b");

        RoomState state = rooms.removeParticipant(meetingId, "b");

        assertThat(state.activeParticipants()).containsExactly("a");
        assertThat(state.screenSharingUser()).isNull();
        assertThat(rooms.findRoom(meetingId)).hasValue(state);
    }

    @Test
    void concurrentJoinsAreNotLost() throws Exception {
        UUID meetingId = UUID.randomUUID();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<RoomState>> joins = IntStream.range(0, 40)
                    .mapToObj(i -> pool.submit(() -> rooms.addParticipant(meetingId, "user" + i)))
                    .toList();
            for (Future<RoomState> join : joins) {
                join.get();
            }
        }

        assertThat(rooms.findRoom(meetingId).orElseThrow().participantCount()).isEqualTo(40);
    }

    @Test
    void storesSessionWithTwoHourTtl() {
        UUID sessionId = UUID.randomUUID();
        SessionState session = new SessionState(UUID.randomUUID(), UUID.randomUUID(), "conn-7",
                Instant.parse("2024-01-15T10:30:00Z"), false, true, List.of("pc1", "pc2"), List.of(), null, null);

        rooms.putSession(sessionId, session);

        assertThat(redis.sync().ttl("session:" + sessionId)).isBetween(7_190L, 7_200L);
        assertThat(redis.sync().get("session:" + sessionId))
                .contains("\"joined_at\":\"2024-01-15T10:30:00Z\"", "\"peer_connections\":[\"pc1\",\"pc2\"]",
                        "\"connection_id\":\"conn-7\"", "\"is_video_on\":true");
        assertThat(rooms.findSession(sessionId)).hasValue(session);
        rooms.removeSession(sessionId);
        assertThat(rooms.findSession(sessionId)).isEmpty();
    }
}
