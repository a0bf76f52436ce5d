package com.convene.model.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignalCodecTest {
  private final SignalCodec codec = new SignalCodec();
  private final ObjectMapper plain = new ObjectMapper();

  static Stream<Arguments> samples() {
    ParticipantInfo alice = new ParticipantInfo("p-1", "u-1", "Alice", "host", false, true, false, false);
    TrackInfo cam = new TrackInfo("p-1", "t-cam", MediaKind.VIDEO, MediaSource.CAMERA);
    ChatEntry chat = new ChatEntry("9b2f7c1e-5d0a-4c1f-8e2a-3b4c5d6e7f80", "c-1", "p-1", "u-1", "Alice",
        "Hello everyone!", "2024-01-15T10:35:00Z");
    return Stream.of(
        Arguments.of("hello", new Hello(1, "convene-desktop/0.1.0")),
        Arguments.of("welcome", new Welcome(1, "c-1", "u-1")),
        Arguments.of("welcome-with-ping", new Welcome(1, "c-1", "u-1", 10_000L)),
        Arguments.of("join", new JoinRequest("r1", "abc-defg-hij", "Bob", false, true)),
        Arguments.of("joined", new Joined("r1", "m-1", "Standup", "p-2", List.of(alice), List.of(cam))),
        Arguments.of("joined-resumable", new Joined("r1", "m-1", "Standup", "p-2", List.of(alice), List.of(cam),
            "q2Vx1mNf3kZp7RtYb0AaCw")),
        Arguments.of("resume", new ResumeRequest("r16", "p-2", "q2Vx1mNf3kZp7RtYb0AaCw")),
        Arguments.of("resumed", new Resumed("r16", "m-1", "p-2", "Zb8dW1xQe4LmP9sTn2KcVg", 3)),
        Arguments.of("error-resume-rejected",
            new SignalError("r16", ErrorCode.RESUME_REJECTED, "This call can no longer be resumed.")),
        Arguments.of("leave", new LeaveRequest("r2")),
        Arguments.of("left", new Left("r2", "left")),
        Arguments.of(
            "publish-offer",
            new PublishOffer("r3", "v=0\r\n", List.of(new TrackSource("t-cam", MediaSource.CAMERA)))),
        Arguments.of("publish-answer", new PublishAnswer("r3", "v=0\r\n")),
        Arguments.of("subscribe-offer", new SubscribeOffer(1, "v=0\r\n")),
        Arguments.of("subscribe-answer", new SubscribeAnswer(1, "v=0\r\n")),
        Arguments.of("track-published", new TrackPublished(cam)),
        Arguments.of("track-unpublished", new TrackUnpublished(cam)),
        Arguments.of("participant-joined", new ParticipantJoined(alice)),
        Arguments.of("participant-left", new ParticipantLeft("p-1", "left")),
        Arguments.of("participant-updated", new ParticipantUpdated(alice)),
        Arguments.of("set-media-state", new SetMediaState("r4", true, false, false)),
        Arguments.of("error", new SignalError("r5", ErrorCode.MEETING_NOT_FOUND, "No such meeting")),
        Arguments.of("quality-report", new QualityReport(32000, 0.01f, 4.5f, 12, 850000, 0.0f, 30.0f, "640x360", 14,
            "wired", 2500000, 0.25f, 512)),
        Arguments.of("chat-send", new ChatSend("c-1", "Hello everyone!")),
        Arguments.of("chat-message", new ChatMessage(chat)),
        Arguments.of("chat-history", new ChatHistory(List.of(chat))),
        Arguments.of("heartbeat", new Heartbeat()),
        Arguments.of(
            "join-with-password", new JoinRequest("r1", "abc-defg-hij", "Bob", false, true, "s3cret")),
        Arguments.of("waiting", new Waiting("r1", "m-1", "Standup", "c-7")),
        Arguments.of(
            "waiting-room-updated", new WaitingRoomUpdated(List.of(new WaitingParticipant("c-7", "u-7", "Bob")))),
        Arguments.of("admit", new AdmitRequest("r6", "c-7")),
        Arguments.of("deny", new DenyRequest("r7", "c-7")),
        Arguments.of("stop-media", new StopMediaRequest("r8", "p-2", MediaSource.MICROPHONE)),
        Arguments.of("mute-all", new MuteAllRequest("r9")),
        Arguments.of("media-stopped", new MediaStopped(MediaSource.SCREEN, "host")),
        Arguments.of("dominant-speaker", new DominantSpeaker("p-2")),
        Arguments.of("receive-settings", new ReceiveSettings(java.util.List.of(
            new TrackReceiveSetting("p-2", "p-2-camera", 720), new TrackReceiveSetting("p-3", "p-3-camera", 0)))),
        Arguments.of("remove-participant", new RemoveParticipantRequest("r10", "p-2")),
        Arguments.of("end-meeting", new EndMeetingRequest("r11")),
        Arguments.of("transfer-host", new TransferHostRequest("r12", "p-2")),
        Arguments.of("lock-room", new LockRoomRequest("r13", true)),
        Arguments.of("room-updated", new RoomUpdated(true, false, true)),
        Arguments.of("start-recording", new StartRecording("r6")),
        Arguments.of("stop-recording", new StopRecording("r7")),
        Arguments.of("recording-started", new RecordingStarted("rec-1", "u-1", false)),
        Arguments.of("recording-stopped", new RecordingStopped("rec-1", "stopped")),
        Arguments.of("raise-hand", new RaiseHand("r14", true)),
        Arguments.of("send-reaction", new SendReaction("r15", "\uD83D\uDC4D")),
        Arguments.of("reaction", new ReactionReceived("p-1", "\uD83D\uDC4D")),
        Arguments.of(
            "error-recording-disabled",
            new SignalError("r6", ErrorCode.RECORDING_DISABLED, "Recording is disabled for this meeting.")),
        Arguments.of("hello-with-capabilities",
            new Hello(1, "convene-desktop/0.2.0", List.of(Hello.WAITING_ROOM_DELTAS))),
        Arguments.of("error-rate-limited",
            new SignalError("c-9", ErrorCode.RATE_LIMITED, "Too many chat messages; wait a moment.", 1500L)),
        Arguments.of("waiting-room-changed", new WaitingRoomChanged(
            List.of(new WaitingParticipant("c-8", "u-8", "Cy")), List.of("c-7"), false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void encodesToGoldenJsonAndRoundTrips(String name, Signal signal) throws Exception {
    String golden = readGolden(name);
    String encoded = codec.encode(signal);

    assertThat(plain.readTree(encoded)).isEqualTo(plain.readTree(golden));
    assertThat(codec.decode(golden)).isEqualTo(signal);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "null",
        "{",
        "[]",
        "42",
        "{\"type\":\"no-such-type\"}",
        "{\"sdp\":\"v=0\"}",
        "{\"type\":\"hello\",\"protocolVersion\":0,\"client\":\"x\"}",
        "{\"type\":\"hello\",\"client\":\"x\"}",
        "{\"type\":\"join\",\"requestId\":\"r\",\"meeting\":\" \",\"displayName\":\"B\"}",
        "{\"type\":\"subscribe-answer\",\"revision\":\"abc\",\"sdp\":\"v=0\"}",
        "{\"type\":\"chat-send\",\"clientMessageId\":\"c\",\"content\":\" \"}",
        "{\"type\":\"chat-send\",\"content\":\"hi\"}",
        "{\"type\":\"admit\",\"requestId\":\"r\"}",
        "{\"type\":\"stop-media\",\"requestId\":\"r\",\"participantId\":\"p\",\"source\":\"speaker\"}",
        "{\"type\":\"lock-room\",\"requestId\":\"r\"}",
        "{\"type\":\"waiting-room-updated\",\"waiting\":[{\"waitingId\":\"\",\"userId\":\"u\",\"displayName\":\"B\"}]}",
        "{\"type\":\"raise-hand\",\"raised\":true}",
        "{\"type\":\"send-reaction\",\"requestId\":\"r\",\"emoji\":\"a b\"}",
        "{\"type\":\"send-reaction\",\"requestId\":\"r\",\"emoji\":\"xxxxxxxxxxxxxxxxx\"}",
        "{\"type\":\"reaction\",\"participantId\":\"p\"}",
        "{\"type\":\"resume\",\"requestId\":\"r\",\"participantId\":\"p\"}",
        "{\"type\":\"resume\",\"requestId\":\"r\",\"participantId\":\"p\",\"resumeToken\":\" \"}",
        "{\"type\":\"resumed\",\"requestId\":\"r\",\"meetingId\":\"m\",\"participantId\":\"p\",\"resumeToken\":\"t\",\"missedMessages\":-1}",
        "{\"type\":\"error\",\"code\":\"RATE_LIMITED\",\"message\":\"m\",\"retryAfterMillis\":0}",
        "{\"type\":\"hello\",\"protocolVersion\":1,\"client\":\"x\",\"capabilities\":[\" \"]}",
        "{\"type\":\"waiting-room-changed\",\"added\":[],\"removed\":[\"\"],\"reset\":false}",
        "{\"type\":\"waiting-room-changed\",\"removed\":[],\"reset\":false}",
        "\u0000\u0001garbage"
      })
  void rejectsMalformedFramesWithDecodeException(String frame) {
    assertThatThrownBy(() -> codec.decode(frame)).isInstanceOf(SignalDecodeException.class);
  }

  @org.junit.jupiter.api.Test
  void rejectsOversizedFrameBeforeParsing() {
    String frame = "{\"type\":\"hello\",\"client\":\"" + "x".repeat(SignalCodec.MAX_FRAME_CHARS) + "\"}";
    assertThatThrownBy(() -> codec.decode(frame))
        .isInstanceOf(SignalDecodeException.class)
        .hasMessageContaining("longer than");
  }

  @org.junit.jupiter.api.Test
  void joinWithoutPasswordKeepsTheVersionOneShapeAndHidesThePasswordInToString() throws Exception {
    JoinRequest plainJoin = new JoinRequest("r1", "abc-defg-hij", "Bob", false, true);
    assertThat(plain.readTree(codec.encode(plainJoin)).has("password")).isFalse();
    assertThat(codec.decode(readGolden("join"))).isEqualTo(plainJoin);
    assertThat(new JoinRequest("r1", "m", "Bob", false, false, "s3cret").toString())
        .doesNotContain("s3cret")
        .contains("password=***");
  }

  @org.junit.jupiter.api.Test
  void resumeTokensStayOutOfToStringAndJoinedWithoutTokenKeepsItsShape() throws Exception {
    String token = "q2Vx1mNf3kZp7RtYb0AaCw";
    assertThat(new Joined("r1", "m", "T", "p", List.of(), List.of(), token).toString()).doesNotContain(token);
    assertThat(new ResumeRequest("r", "p", token).toString()).doesNotContain(token);
    assertThat(new Resumed("r", "m", "p", token, 0).toString()).doesNotContain(token);
    assertThat(plain.readTree(codec.encode(new Joined("r1", "m", "T", "p", List.of(), List.of()))).has("resumeToken"))
        .isFalse();
  }

  @org.junit.jupiter.api.Test
  void helloAndErrorWithoutTheNewFieldsKeepTheirOldShape() throws Exception {
    assertThat(codec.decode(readGolden("hello"))).isEqualTo(new Hello(1, "convene-desktop/0.1.0"));
    assertThat(plain.readTree(codec.encode(new Hello(1, "x"))).has("capabilities")).isFalse();
    assertThat(new Hello(1, "x", List.of(Hello.WAITING_ROOM_DELTAS)).supports(Hello.WAITING_ROOM_DELTAS)).isTrue();
    assertThat(plain.readTree(codec.encode(new SignalError("r", ErrorCode.FORBIDDEN, "No."))).has("retryAfterMillis"))
        .isFalse();
  }

  @org.junit.jupiter.api.Test
  void ignoresUnknownPropertiesForForwardCompatibility() throws Exception {
    Signal s = codec.decode("{\"type\":\"leave\",\"requestId\":\"r9\",\"futureField\":true}");
    assertThat(s).isEqualTo(new LeaveRequest("r9"));
  }

  private static String readGolden(String name) throws IOException {
    try (InputStream in = SignalCodecTest.class.getResourceAsStream("/golden/" + name + ".json")) {
      if (in == null) {
        throw new IOException("missing golden file golden/" + name + ".json");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
