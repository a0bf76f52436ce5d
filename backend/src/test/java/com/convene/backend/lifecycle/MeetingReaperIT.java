package com.convene.backend.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.convene.backend.BackendTestSupport;
import com.convene.backend.TestServices;
import com.convene.backend.devservices.RedisServerProcess;
import com.convene.backend.meeting.MeetingService;
import com.convene.backend.meeting.Participant;
import com.convene.backend.meeting.ParticipantService;
import com.convene.backend.room.RoomStateService;
import com.convene.backend.room.SessionState;
import com.convene.model.api.MeetingView;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/// The reaper against real PostgreSQL and a Redis server of this class's own (so it can be stopped), with rows
/// and keys written directly as a SIGKILLed backend leaves them: participants `joined` without `left_at`, the
/// meeting `live`, `session:{id}` and `meeting_room:{id}` keys. Grace 1 s, lease TTL 3 s.
@MicronautTest(transactional = false)
class MeetingReaperIT extends BackendTestSupport {
  private static final Duration GRACE = Duration.ofSeconds(1);
  private static RedisServerProcess redisServer;

  @Inject MeetingReaper reaper;
  @Inject MeetingLifecycle lifecycle;
  @Inject MeetingService meetings;
  @Inject ParticipantService participants;
  @Inject RoomStateService roomState;
  @Inject StatefulRedisConnection<String, String> redis;
  @Inject DataSource dataSource;

  private Map<String, String> properties;

  @Override
  public Map<String, String> getProperties() {
    try {
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      redisServer = RedisServerProcess.start(System.getProperty("convene.dev-services.redis-server", "redis-server"),
          Path.of("target", "reaper-redis").toAbsolutePath(), port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> props = new HashMap<>(TestServices.properties());
    props.put("micronaut.server.port", "-1"); // a free port: other test runs on this machine may hold 8080
    props.put("redis.uri", redisServer.uri());
    props.put("convene.lifecycle.grace", GRACE.toMillis() + "ms");
    props.put("convene.lifecycle.lease-ttl", "3s");
    props.put("convene.lifecycle.reaper-interval", "1h");
    properties = Map.copyOf(props);
    return props;
  }

  @AfterAll
  void stopRedis() {
    if (redisServer != null) {
      redisServer.close();
    }
  }

  /// A meeting as a killed node leaves it: live since 10 minutes, two participants joined 10 minutes ago and
  /// never left, their session keys and the room key in Redis.
  private record Crashed(UUID meetingId, List<UUID> participantIds) {}

  private Crashed crashedMeeting() throws SQLException {
    String token = adminToken();
    Instant start = Instant.now().plus(1, ChronoUnit.HOURS);
    MeetingView meeting = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/meetings", Map.of(
        "title", "Crashed", "scheduledStart", start.toString(),
        "scheduledEnd", start.plus(1, ChronoUnit.HOURS).toString())).bearerAuth(token), MeetingView.class);
    Instant tenMinutesAgo = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
    List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID());
    try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
      try (PreparedStatement live = c.prepareStatement(
          "UPDATE meetings SET status = 'live', actual_start_time = ? WHERE meeting_id = ?")) {
        live.setTimestamp(1, Timestamp.from(tenMinutesAgo));
        live.setObject(2, meeting.id());
        live.executeUpdate();
      }
      for (UUID id : ids) {
        try (PreparedStatement row = c.prepareStatement("""
            INSERT INTO meeting_participants (participant_id, meeting_id, display_name, role, joined_at, status,
              connection_id) VALUES (?, ?, 'Ghost', 'participant', ?, 'joined', 'conn-gone')""")) {
          row.setObject(1, id);
          row.setObject(2, meeting.id());
          row.setTimestamp(3, Timestamp.from(tenMinutesAgo));
          row.executeUpdate();
        }
        roomState.putSession(id, new SessionState(null, meeting.id(), "conn-gone", tenMinutesAgo, false, true,
            List.of(), List.of(), null, null));
      }
    }
    roomState.openRoom(meeting.id(), true, false);
    return new Crashed(meeting.id(), ids);
  }

  private boolean sessionKeyExists(UUID id) {
    return redis.sync().exists(RoomStateService.sessionKey(id)) == 1;
  }

  private boolean roomKeyExists(UUID meetingId) {
    return redis.sync().exists(RoomStateService.roomKey(meetingId)) == 1;
  }

  private List<Participant> rows(UUID meetingId) {
    return participants.listForMeeting(meetingId).stream().filter(p -> !p.status().equals("invited")).toList();
  }

  @Test
  void repairsWhatACrashLeftAndEndsTheMeetingAfterTheGrace() throws Exception {
    Crashed crashed = crashedMeeting();

    ReaperReport first = reaper.runNow(10_000);
    assertThat(first.redisAvailable()).isTrue();
    assertThat(first.participantsClosed()).isGreaterThanOrEqualTo(2);
    assertThat(rows(crashed.meetingId())).hasSize(2).allSatisfy(p -> {
      assertThat(p.status()).isEqualTo("left");
      assertThat(p.leftAt()).isNotNull();
      assertThat(p.durationMinutes()).isEqualTo(10);
    });
    crashed.participantIds().forEach(id -> assertThat(sessionKeyExists(id)).isFalse());
    // just closed: the meeting gets the grace period for a rejoin
    assertThat(meetings.get(crashed.meetingId()).status()).isEqualTo("live");

    Instant leftAt = rows(crashed.meetingId()).getFirst().leftAt();
    await().pollDelay(GRACE.plusMillis(200)).atMost(Duration.ofSeconds(5))
        .until(() -> reaper.runNow(10_000).redisAvailable() && meetings.get(crashed.meetingId()).status().equals("ended"));
    MeetingView ended = meetings.get(crashed.meetingId());
    assertThat(ended.actualEnd()).isEqualTo(leftAt);
    assertThat(ended.durationMinutes()).isEqualTo(10);
    assertThat(roomKeyExists(crashed.meetingId())).isFalse();
  }

  @Test
  void leavesAMeetingAloneWhileAnotherNodeHoldsItsLeaseAndRepairsItOnceTheLeaseIsGone() throws Exception {
    Crashed held = crashedMeeting();
    redis.sync().set(RoomLeases.leaseKey(held.meetingId()), "other-node", SetArgs.Builder.px(60_000));

    ReaperReport report = reaper.runNow(10_000);
    assertThat(report.heldElsewhere()).isGreaterThanOrEqualTo(1);
    assertThat(rows(held.meetingId())).hasSize(2).allSatisfy(p -> assertThat(p.leftAt()).isNull());
    held.participantIds().forEach(id -> assertThat(sessionKeyExists(id)).isTrue());
    assertThat(roomKeyExists(held.meetingId())).isTrue();
    assertThat(meetings.get(held.meetingId()).status()).isEqualTo("live");

    redis.sync().del(RoomLeases.leaseKey(held.meetingId())); // the other node died and its lease expired
    reaper.runNow(10_000);
    assertThat(rows(held.meetingId())).allSatisfy(p -> assertThat(p.leftAt()).isNotNull());
    held.participantIds().forEach(id -> assertThat(sessionKeyExists(id)).isFalse());
  }

  @Test
  void repairsARoomWhoseLeaseNamesThisNodeButNotThisProcessAndDeletesTheLease() throws Exception {
    Crashed mine = crashedMeeting(); // as this node's previous run (same node id) left it
    redis.sync().set(RoomLeases.leaseKey(mine.meetingId()), lifecycle.nodeId(), SetArgs.Builder.px(60_000));

    ReaperReport report = reaper.runNow(10_000);
    assertThat(rows(mine.meetingId())).allSatisfy(p -> assertThat(p.leftAt()).isNotNull());
    assertThat(report.roomKeysDeleted()).isGreaterThanOrEqualTo(1);
    assertThat(redis.sync().exists(RoomLeases.leaseKey(mine.meetingId()))).isZero();
  }

  @Test
  void closesTheRowsOfACrashedHolderInARoomThisNodeHoldsNow() throws Exception {
    Crashed crashed = crashedMeeting(); // a node died; its meeting went on here after a restart
    lifecycle.roomOpened(crashed.meetingId());

    reaper.runNow(10_000);
    assertThat(rows(crashed.meetingId())).as("joined before this node held the room")
        .allSatisfy(p -> assertThat(p.leftAt()).isNotNull());
    assertThat(meetings.get(crashed.meetingId()).status()).as("the meeting goes on here").isEqualTo("live");
    lifecycle.roomEmptied(crashed.meetingId());
  }

  @Test
  void leavesTheRoomsThisNodeHoldsAloneAndEndsThemAfterTheGraceOnceEmpty() throws Exception {
    Crashed local = crashedMeeting();
    lifecycle.roomOpened(local.meetingId());
    // its participants joined this holding of the room (after roomOpened), and longer ago than the lease TTL when
    // the reaper runs, so only the holding protects them
    Instant joinedAt = Instant.now();
    try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
        PreparedStatement joined = c.prepareStatement(
            "UPDATE meeting_participants SET joined_at = ? WHERE meeting_id = ?")) {
      joined.setTimestamp(1, Timestamp.from(joinedAt));
      joined.setObject(2, local.meetingId());
      joined.executeUpdate();
    }
    await().atMost(Duration.ofSeconds(5))
        .until(() -> lifecycle.nodeId().equals(redis.sync().get(RoomLeases.leaseKey(local.meetingId()))));
    await().pollDelay(Duration.ofMillis(3_300)).atMost(Duration.ofSeconds(5)).until(() -> true); // > lease TTL

    reaper.runNow(10_000);
    assertThat(rows(local.meetingId())).allSatisfy(p -> assertThat(p.leftAt()).isNull());
    assertThat(meetings.get(local.meetingId()).status()).isEqualTo("live");

    Instant emptied = Instant.now();
    lifecycle.roomEmptied(local.meetingId());
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
        .until(() -> meetings.get(local.meetingId()).status().equals("ended"));
    assertThat(Duration.between(emptied, Instant.now())).isGreaterThanOrEqualTo(GRACE);
    assertThat(rows(local.meetingId())).allSatisfy(p -> assertThat(p.leftAt()).isNotNull());
    await().atMost(Duration.ofSeconds(5))
        .until(() -> redis.sync().exists(RoomLeases.leaseKey(local.meetingId())) == 0);
    assertThat(lifecycle.holds(local.meetingId())).isFalse();
  }

  @Test
  void writesAHandedInLeaveLaterWithItsOwnTime() throws Exception {
    Crashed room = crashedMeeting();
    lifecycle.roomOpened(room.meetingId());
    Instant leftAt = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
    UUID pid = room.participantIds().getFirst();
    lifecycle.recordLeave(room.meetingId(), pid, leftAt);

    await().atMost(Duration.ofSeconds(5)).until(() -> lifecycle.pendingWrites() == 0);
    Participant row = participants.find(pid).orElseThrow();
    assertThat(row.leftAt()).isEqualTo(leftAt);
    assertThat(row.durationMinutes()).isEqualTo(9);
    lifecycle.roomEmptied(room.meetingId());
  }

  @Test
  void repairsNothingWhileRedisIsDownAndCatchesUpWhenItIsBack() throws Exception {
    Crashed crashed = crashedMeeting();
    redisServer.stop();
    try {
      ReaperReport down = reaper.runNow(10_000);
      assertThat(down.redisAvailable()).isFalse();
      assertThat(rows(crashed.meetingId())).allSatisfy(p -> assertThat(p.leftAt()).isNull());
    } finally {
      redisServer.restart();
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> reaper.runNow(10_000).redisAvailable());
    assertThat(rows(crashed.meetingId())).allSatisfy(p -> assertThat(p.leftAt()).isNotNull());
  }

  @Test
  void aNodeStartingAgainUnderItsNodeIdRepairsWhatItsKilledRunLeftAtStartUp() throws Exception {
    Crashed killed = crashedMeeting();
    // the killed run's lease is still live, as right after a SIGKILL
    redis.sync().set(RoomLeases.leaseKey(killed.meetingId()), "node-restarted", SetArgs.Builder.px(60_000));

    Map<String, Object> restarted = new HashMap<>(properties);
    restarted.put("convene.lifecycle.node-id", "node-restarted");
    restarted.put("micronaut.server.port", "-1");
    try (ApplicationContext node = ApplicationContext.run(restarted)) {
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
          .until(() -> rows(killed.meetingId()).stream().allMatch(p -> p.leftAt() != null));
      await().atMost(Duration.ofSeconds(5))
          .until(() -> redis.sync().exists(RoomLeases.leaseKey(killed.meetingId())) == 0);
      assertThat(node.getBean(MeetingLifecycle.class).nodeId()).isEqualTo("node-restarted");
    }
    killed.participantIds().forEach(id -> assertThat(sessionKeyExists(id)).isFalse());
  }
}
