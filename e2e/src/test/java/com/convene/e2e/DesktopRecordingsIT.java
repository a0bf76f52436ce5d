package com.convene.e2e;

import static com.convene.e2e.FxSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.call.CallConfig;
import com.convene.desktop.call.CallListener;
import com.convene.model.api.MeetingView;
import com.convene.model.api.RecordingView;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Issue 6, the desktop part: a host records a short call with a participant (real webrtc-java peers through the
/// real SFU). The app's REST client composes it again (as its "Compose again" button does). In the real JavaFX
/// app the host shares the recording with the meeting's participants and protects it
/// with a password. Signed in as the participant, the app lists the recordings of her meetings, shows the composed
/// one as ready and protected (without the host's controls), asks for the password when the download is refused
/// (a wrong one is refused again), then downloads it with a progress bar that ends full; the saved file is byte
/// for byte the composed MP4. Last, the host deletes it from the app after confirming, and the server has it no
/// more.
@Tag("media")
class DesktopRecordingsIT extends DesktopAppTest {

  @Test
  void listsMyRecordingsAndDownloadsOneWithAProgressBar() throws Exception {
    E2eBackend backend = E2eBackend.get();
    RestFixture rest = backend.rest();
    RestFixture.Account host = rest.newMember("Rita");
    RestFixture.Account guest = rest.newMember("Pia");
    MeetingView meeting = rest.scheduleMeeting(host.token(), "Quarterly review",
        Map.of("recordingEnabled", true, "waitingRoomEnabled", false));
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicReference<String> recordingId = new AtomicReference<>();
    try (Peer peer = Peer.join(backend, host, meeting.joinCode(), "Rita", CallConfig.VideoChoice.PATTERN, 440,
        new CallListener() {
          @Override
          public void onRecordingStarted(String id, boolean automatic) {
            recordingId.set(id);
          }

          @Override
          public void onRecordingStopped(String id, String reason) {
            stopped.countDown();
          }
        });
        Peer participant = Peer.join(backend, guest, meeting.joinCode(), "Pia", CallConfig.VideoChoice.PATTERN, 660,
            new CallListener() {})) {
      peer.session().startRecording();
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> recordingId.get() != null);
      Thread.sleep(4_000); // the call being recorded
      peer.session().stopRecording();
      assertThat(stopped.await(30, TimeUnit.SECONDS)).isTrue();
    }
    String path = "/api/v1/recordings/" + recordingId.get();
    RecordingView ready = Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
        .until(() -> rest.getJson(path, host.token(), new TypeReference<RecordingView>() {}),
            r -> r.status().equals("ready"));
    // the app's client composes it again (what "Compose again" sends after a failure) and it is ready again
    com.convene.desktop.call.ConveneApiClient api = new com.convene.desktop.call.ConveneApiClient(
        java.net.http.HttpClient.newHttpClient(), backend.baseUri());
    com.convene.model.api.LoginResponse login = rest.post("/api/v1/auth/login",
        Map.of("username", host.username(), "password", host.password()), null,
        com.convene.model.api.LoginResponse.class);
    com.convene.desktop.call.SignedIn hostSession = new com.convene.desktop.call.SignedIn(backend.baseUri(),
        com.convene.desktop.call.SessionTokens.of(login, api::refresh, java.time.InstantSource.system()),
        login.user());
    assertThat(api.recomposeRecording(hostSession, ready.id()).status()).isEqualTo("processing");
    ready = Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
        .until(() -> rest.getJson(path, host.token(), new TypeReference<RecordingView>() {}),
            r -> r.status().equals("ready"));
    byte[] composed = rest.get(ready.downloadPath(), host.token(), Map.of()).body();

    // the host shares it with the participants and sets a download password, in the app
    openRecordings(backend, host);
    selectFirstRecording();
    assertThat(onFx(() -> robot.lookup("#manageRecording").query().isVisible())).isTrue();
    // chosen through the combo box itself: clicking into its popup is unreliable under Xvfb
    onFx(() -> {
      robot.lookup("#visibilityChoice").<javafx.scene.control.ComboBox<String>>query().setValue("participants");
      return null;
    });
    Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .until(() -> onFx(() -> robot.lookup("#manageStatus").queryAs(Labeled.class).getText())
            .contains("participants"));
    robot.clickOn("#newRecordingPasswordField").write("tulip-42");
    robot.clickOn("#setPasswordButton");
    Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .until(() -> onFx(() -> robot.lookup("#manageStatus").queryAs(Labeled.class).getText())
            .startsWith("Password set"));
    RecordingView shared = rest.getJson(path, host.token(), new TypeReference<RecordingView>() {});
    assertThat(shared.visibility()).isEqualTo("participants");
    assertThat(shared.passwordProtected()).isTrue();
    stopApp();

    // a fresh directory per run: an earlier run's download must not count as this one's
    Files.createDirectories(Path.of("target"));
    Path downloads = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "desktop-downloads-");
    System.setProperty("convene.downloads", downloads.toString());
    ListView<RecordingView> list = openRecordings(backend, guest);
    List<String> shown = onFx(() -> list.getItems().stream().map(r -> r.id().toString()).toList());
    assertThat(shown).containsExactly(recordingId.get());
    selectFirstRecording();
    String line = onFx(() -> robot.lookup(".list-cell").nth(0).queryAs(Labeled.class).getText());
    assertThat(line).contains("Quarterly review").contains("password-protected").contains("ready");
    assertThat(onFx(() -> robot.lookup("#manageRecording").query().isVisible()))
        .as("a participant gets no host controls").isFalse();

    // the first try is refused and the screen asks for the password; a wrong one is refused again
    robot.clickOn("#downloadButton");
    Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .until(() -> onFx(() -> robot.lookup("#recordingPasswordField").query().isVisible()));
    assertThat(onFx(() -> robot.lookup("#recordingsError").queryAs(Labeled.class).getText()))
        .contains("Enter its password");
    robot.clickOn("#recordingPasswordField").write("tulip-41");
    robot.clickOn("#downloadButton");
    Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .until(() -> onFx(() -> robot.lookup("#recordingsError").queryAs(Labeled.class).getText())
            .contains("not right"));
    onFx(() -> {
      robot.lookup("#recordingPasswordField").queryAs(javafx.scene.control.TextInputControl.class).clear();
      return null;
    });
    robot.clickOn("#recordingPasswordField").write("tulip-42");
    robot.clickOn("#downloadButton");
    ProgressBar progress = robot.lookup("#downloadProgress").queryAs(ProgressBar.class);
    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> onFx(() -> progress.getProgress() >= 1.0 && progress.isVisible()));
    String status = onFx(() -> robot.lookup("#downloadStatus").queryAs(Labeled.class).getText());
    System.out.println("E2E desktop download: " + status);
    try (var files = Files.list(downloads)) {
      List<Path> saved = files.filter(p -> p.getFileName().toString().contains("Quarterly review")).toList();
      assertThat(saved).hasSize(1);
      assertThat(saved.getFirst().getFileName().toString()).endsWith(".mp4");
      assertThat(Files.readAllBytes(saved.getFirst())).isEqualTo(composed);
      assertThat(status).contains(saved.getFirst().toString());
    }
    assertThat(onFx(() -> robot.lookup("#recordingPasswordField").query().isVisible())).isFalse();
    robot.clickOn("#backButton");
    Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> robot.lookup("#joinCodeField").tryQuery()
        .isPresent());
    stopApp();

    // the host deletes it, confirming first
    openRecordings(backend, host);
    selectFirstRecording();
    robot.clickOn("#deleteRecordingButton");
    Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
        .until(() -> onFx(() -> robot.lookup("#confirmDeleteButton").query().isVisible()));
    robot.clickOn("#confirmDeleteButton");
    Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .until(() -> onFx(() -> robot.lookup("#manageStatus").queryAs(Labeled.class).getText())
            .equals("Recording deleted."));
    assertThat(rest.get(path, host.token(), Map.of()).statusCode()).isEqualTo(404);
  }

  /// Starts the app, signs `account` in and opens the recordings screen; returns its list once it has items.
  @SuppressWarnings("unchecked")
  private ListView<RecordingView> openRecordings(E2eBackend backend, RestFixture.Account account) throws Exception {
    signIn(backend.baseUri(), account, "--audio=headless", "--video=pattern");
    Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .until(() -> robot.lookup("#recordingsButton").tryQuery().isPresent());
    robot.clickOn("#recordingsButton");
    return Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .until(() -> robot.lookup("#recordingList").tryQuery().map(n -> (ListView<RecordingView>) n).orElse(null),
            l -> l != null && !l.getItems().isEmpty());
  }

  private void selectFirstRecording() {
    Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
        .until(() -> robot.lookup(".list-cell").nth(0).tryQuery().isPresent());
    robot.clickOn(robot.lookup(".list-cell").nth(0).queryAs(javafx.scene.control.ListCell.class));
  }

}
