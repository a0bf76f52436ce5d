package com.convene.e2e;

import static com.convene.e2e.FxSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.app.ConveneApp;
import com.convene.model.api.InvitationView;
import com.convene.model.api.MeetingView;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/// Issue 16 items 2 and 6 on the real app and backend: the Schedule form creates a weekly series with an
/// invitee that the server stores (RRULE, invitation); Edit renames it through the server; Cancel, once
/// confirmed, cancels it there. A sign-in is kept: the app started again opens on the meetings without a
/// password (the refresh token from the store, here the encrypted file: Xvfb has no Secret Service); Sign out
/// forgets it, revokes it on the server and leaves server and user name filled in; the next start asks for the
/// password.
class DesktopHomeIT extends DesktopAppTest {

  @BeforeAll
  static void staySignedIn() {
    System.setProperty("convene.stay-signed-in", "true"); // off for the other e2e classes (e2e/pom.xml)
  }

  @AfterAll
  static void cleanup() throws Exception {
    stopApp();
    System.setProperty("convene.stay-signed-in", "false");
  }

  @Test
  void schedulesEditsAndCancelsThroughTheServerAndStaysSignedInUntilSignOut() throws Exception {
    E2eBackend backend = E2eBackend.get();
    RestFixture rest = backend.rest();
    RestFixture.Account host = rest.newMember("Hedy");
    String guestEmail = "guest-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";

    signIn(backend.baseUri(), host, "--audio=headless", "--video=pattern");
    waitForMeetings();

    // item 2: schedule a weekly series with an invitee
    robot.clickOn("#scheduleButton");
    robot.clickOn("#scheduleTitle").write("Weekly sync");
    robot.interact(() -> {
      robot.lookup("#scheduleRepeat").<javafx.scene.control.ComboBox<com.convene.desktop.ui.schedule.Recurrence>>query()
          .setValue(com.convene.desktop.ui.schedule.Recurrence.WEEKLY);
      robot.lookup("#scheduleCount").<javafx.scene.control.Spinner<Integer>>query().getValueFactory().setValue(4);
    });
    robot.clickOn("#scheduleInvitees").write(guestEmail);
    robot.clickOn("#scheduleSave");
    MeetingView series = Awaitility.await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
        .until(() -> mine(rest, host).stream().filter(m -> "Weekly sync".equals(m.title())).findFirst().orElse(null),
            m -> m != null);
    assertThat(series.recurrenceRule()).isEqualTo("FREQ=WEEKLY;COUNT=4");
    assertThat(rest.getJson("/api/v1/meetings/" + series.id() + "/invitations", host.token(),
        new TypeReference<List<InvitationView>>() {})).extracting(InvitationView::email).containsExactly(guestEmail);
    waitForMeetings();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> robot.lookup("#edit-" + series.joinCode())
        .tryQuery().isPresent()));

    // edit: rename through PATCH
    robot.clickOn("#edit-" + series.joinCode());
    robot.interact(() -> robot.lookup("#scheduleTitle").queryTextInputControl().setText("Weekly sync (moved)"));
    robot.clickOn("#scheduleSave");
    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> rest.getJson("/api/v1/meetings/" + series.id(),
        host.token(), new TypeReference<MeetingView>() {}).title().equals("Weekly sync (moved)"));
    waitForMeetings();

    // cancel: asks first, then the server has it cancelled
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> robot.lookup("#cancel-" + series.joinCode())
        .tryQuery().isPresent()));
    robot.clickOn("#cancel-" + series.joinCode());
    assertThat(rest.getJson("/api/v1/meetings/" + series.id(), host.token(), new TypeReference<MeetingView>() {})
        .status()).isEqualTo("scheduled");
    robot.clickOn("#cancelConfirmButton");
    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> rest.getJson("/api/v1/meetings/" + series.id(),
        host.token(), new TypeReference<MeetingView>() {}).status().equals("cancelled"));

    // item 6: started again, the app signs in by itself
    Path tokenFile = Path.of(System.getProperty("convene.settings.user-dir"), "refresh-token.enc");
    assertThat(tokenFile).exists();
    assertThat(Files.readString(tokenFile)).doesNotContain(host.password());
    stopApp();
    FxToolkit.setupApplication(ConveneApp.class, "--audio=headless", "--video=pattern");
    waitForMeetings();

    // sign out: server and user stay, the kept sign-in is gone
    robot.clickOn("#signOutButton");
    Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
        .until(() -> onFx(() -> robot.lookup("#userField").queryAs(TextField.class).getText()), host.username()::equals);
    assertThat(onFx(() -> robot.lookup("#serverField").queryAs(TextField.class).getText()))
        .isEqualTo(backend.baseUri().toString().replaceAll("/+$", ""));
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(tokenFile));
    stopApp();
    FxToolkit.setupApplication(ConveneApp.class, "--audio=headless", "--video=pattern");
    Thread.sleep(3_000);
    assertThat(onFx(() -> robot.lookup("#meetingList").tryQuery().isPresent())).as("asks for the password").isFalse();
    assertThat(onFx(() -> robot.lookup("#passwordField").tryQuery().isPresent())).isTrue();
    System.out.println("E2E home: scheduled, edited and cancelled " + series.joinCode()
        + "; stayed signed in across a restart until Sign out");
  }

  private void waitForMeetings() {
    Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
        .until(() -> onFx(() -> robot.lookup("#meetingList").queryAs(ListView.class).isVisible()));
  }

  private static List<MeetingView> mine(RestFixture rest, RestFixture.Account account) {
    return rest.getJson("/api/v1/meetings", account.token(),
        new TypeReference<com.convene.model.api.Page<MeetingView>>() {}).items();
  }
}
