package com.convene.backend.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.convene.backend.TestServices;
import com.convene.model.api.MeetingView;
import com.convene.model.api.RecordingView;
import com.convene.model.signal.ErrorCode;
import com.convene.model.signal.Hello;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.Joined;
import com.convene.model.signal.MediaSource;
import com.convene.model.signal.PublishAnswer;
import com.convene.model.signal.PublishOffer;
import com.convene.model.signal.RecordingStarted;
import com.convene.model.signal.RecordingStopped;
import com.convene.model.signal.SignalError;
import com.convene.model.signal.StartRecording;
import com.convene.model.signal.StopRecording;
import com.convene.model.signal.TrackSource;
import com.convene.model.signal.Welcome;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// Recording control without media: who may start and stop it over signaling and REST, the typed refusals, the
/// announcements to everyone in the room (and to later joiners), `auto_record` on the first publisher, and the
/// `recordings` row a start and stop leave behind.
@MicronautTest
class RecordingSignalingIT extends BackendTestSupport {
  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(TestServices.properties());
    Path target = Path.of("target", "recording-it").toAbsolutePath();
    properties.put("convene.recording.spool-directory", target.resolve("spool").toString());
    properties.put("convene.storage.local.root", target.resolve("storage").toString());
    return properties;
  }

  @Test
  void refusesRecordingWhenTheMeetingDisallowsIt() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = schedule(hostToken, false, false);
    try (SignalingClient host = join(hostToken, meeting, "Host")) {
      host.send(new StartRecording("s1"));
      SignalError refused = host.expect(SignalError.class);
      assertThat(refused.requestId()).isEqualTo("s1");
      assertThat(refused.code()).isEqualTo(ErrorCode.RECORDING_DISABLED);

      HttpResponse<?> rest = expectError(() -> client.toBlocking().exchange(
          HttpRequest.POST("/api/v1/meetings/" + meeting.id() + "/recording/start", "").bearerAuth(hostToken)));
      assertThat(rest.getStatus().getCode()).isEqualTo(403);
      assertThat(problem(rest).type()).isEqualTo("urn:convene:problem:recording-disabled");
    }
  }

  @Test
  void onlyTheHostStartsAndStopsAndEveryoneIsTold() throws Exception {
    String hostToken = newMemberToken();
    String guestToken = newMemberToken();
    MeetingView meeting = schedule(hostToken, true, false);
    try (SignalingClient host = join(hostToken, meeting, "Host");
        SignalingClient guest = join(guestToken, meeting, "Guest")) {
      guest.send(new StartRecording("g1"));
      assertThat(guest.expect(SignalError.class).code()).isEqualTo(ErrorCode.FORBIDDEN);
      HttpResponse<?> guestRest = expectError(() -> client.toBlocking().exchange(
          HttpRequest.POST("/api/v1/meetings/" + meeting.id() + "/recording/start", "").bearerAuth(guestToken)));
      assertThat(problem(guestRest).type()).isEqualTo("urn:convene:problem:forbidden");

      host.send(new StopRecording("h0"));
      assertThat(host.expect(SignalError.class).code()).isEqualTo(ErrorCode.RECORDING_NOT_RUNNING);

      host.send(new StartRecording("h1"));
      RecordingStarted started = host.expect(RecordingStarted.class);
      assertThat(guest.expect(RecordingStarted.class)).isEqualTo(started);
      assertThat(started.automatic()).isFalse();

      host.send(new StartRecording("h2"));
      assertThat(host.expect(SignalError.class).code()).isEqualTo(ErrorCode.RECORDING_ALREADY_RUNNING);

      try (SignalingClient late = connect(newMemberToken())) {
        late.send(new JoinRequest("j3", meeting.joinCode(), "Late", false, false));
        late.expect(Joined.class);
        assertThat(late.expect(RecordingStarted.class).recordingId()).isEqualTo(started.recordingId());
      }

      host.send(new StopRecording("h3"));
      RecordingStopped stopped = host.expect(RecordingStopped.class);
      assertThat(stopped.recordingId()).isEqualTo(started.recordingId());
      assertThat(stopped.reason()).isEqualTo("stopped");
      assertThat(guest.expect(RecordingStopped.class)).isEqualTo(stopped);

      List<RecordingView> listed = client.toBlocking().retrieve(
          HttpRequest.GET("/api/v1/meetings/" + meeting.id() + "/recordings").bearerAuth(hostToken),
          Argument.listOf(RecordingView.class));
      assertThat(listed).singleElement().satisfies(r -> {
        assertThat(r.id().toString()).isEqualTo(started.recordingId());
        assertThat(r.status()).isEqualTo("ready");
        assertThat(r.visibility()).isEqualTo("private");
        assertThat(r.durationSeconds()).isNotNull();
        assertThat(r.expiresAt()).isAfter(Instant.now().plus(80, ChronoUnit.DAYS));
        assertThat(r.tracks()).isEmpty(); // nobody published media
      });
      List<RecordingView> guestSees = client.toBlocking().retrieve(
          HttpRequest.GET("/api/v1/meetings/" + meeting.id() + "/recordings").bearerAuth(guestToken),
          Argument.listOf(RecordingView.class));
      assertThat(guestSees).isEmpty(); // private: host, recorder and admins only
    }
  }

  @Test
  void adminsDriveRecordingOverRest() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = schedule(hostToken, true, false);
    String admin = adminToken();

    HttpResponse<?> notLive = expectError(() -> client.toBlocking().exchange(
        HttpRequest.POST("/api/v1/meetings/" + meeting.id() + "/recording/start", "").bearerAuth(admin)));
    assertThat(notLive.getStatus().getCode()).isEqualTo(409);
    assertThat(problem(notLive).type()).isEqualTo("urn:convene:problem:meeting-not-live");

    try (SignalingClient host = join(hostToken, meeting, "Host")) {
      HttpResponse<RecordingView> started = client.toBlocking().exchange(
          HttpRequest.POST("/api/v1/meetings/" + meeting.id() + "/recording/start", "").bearerAuth(admin),
          RecordingView.class);
      assertThat(started.getStatus().getCode()).isEqualTo(201);
      assertThat(started.body().status()).isEqualTo("recording");
      assertThat(host.expect(RecordingStarted.class).recordingId()).isEqualTo(started.body().id().toString());

      HttpResponse<?> twice = expectError(() -> client.toBlocking().exchange(
          HttpRequest.POST("/api/v1/meetings/" + meeting.id() + "/recording/start", "").bearerAuth(admin)));
      assertThat(problem(twice).type()).isEqualTo("urn:convene:problem:recording-already-running");

      RecordingView stopped = client.toBlocking().retrieve(
          HttpRequest.POST("/api/v1/meetings/" + meeting.id() + "/recording/stop", "").bearerAuth(admin),
          RecordingView.class);
      assertThat(stopped.status()).isEqualTo("ready");
      assertThat(host.expect(RecordingStopped.class).recordingId()).isEqualTo(stopped.id().toString());
    }
  }

  @Test
  void autoRecordStartsWhenTheFirstPublisherArrives() throws Exception {
    String hostToken = newMemberToken();
    MeetingView meeting = schedule(hostToken, true, true);
    try (SignalingClient host = join(hostToken, meeting, "Host")) {
      host.send(new PublishOffer("p1", publishOffer(), List.of(
          new TrackSource("capture-video", MediaSource.CAMERA),
          new TrackSource("capture-audio", MediaSource.MICROPHONE))));
      host.expect(PublishAnswer.class);
      RecordingStarted started = host.expect(RecordingStarted.class);
      assertThat(started.automatic()).isTrue();
      host.send(new StopRecording("s1"));
      assertThat(host.expect(RecordingStopped.class).recordingId()).isEqualTo(started.recordingId());
    }
  }

  private SignalingClient connect(String token) throws InterruptedException {
    SignalingClient c = new SignalingClient(URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/signaling"), token);
    c.send(new Hello(Hello.PROTOCOL_VERSION, "recording-it"));
    c.expect(Welcome.class);
    return c;
  }

  private SignalingClient join(String token, MeetingView meeting, String name) throws InterruptedException {
    SignalingClient c = connect(token);
    c.send(new JoinRequest("j-" + name, meeting.joinCode(), name, false, false));
    c.expect(Joined.class);
    return c;
  }

  private MeetingView schedule(String token, boolean recordingEnabled, boolean autoRecord) {
    Instant start = Instant.now().plus(1, ChronoUnit.HOURS);
    Map<String, Object> body = Map.of(
        "title", "Recording test",
        "scheduledStart", start.toString(),
        "scheduledEnd", start.plus(1, ChronoUnit.HOURS).toString(),
        "timeZone", "Europe/Berlin",
        "recordingEnabled", recordingEnabled,
        "autoRecord", autoRecord,
        "waitingRoomEnabled", false); // joins go straight in once in-call rules honour the waiting room
    return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/meetings", body).bearerAuth(token), MeetingView.class);
  }

  private static String publishOffer() throws IOException {
    try (InputStream in = RecordingSignalingIT.class.getResourceAsStream("/sdp/libwebrtc-publish-offer.sdp")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\n", "\r\n");
    }
  }
}
