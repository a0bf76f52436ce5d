package com.convene.desktop.ui.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.call.CallControls;
import com.convene.desktop.media.ScreenInfo;
import com.convene.desktop.ui.Messages;
import com.convene.model.signal.ChatEntry;
import com.convene.model.signal.ParticipantInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Issue 16 on the call window's flows, on a real (headless Monocle) FX toolkit: the share picker and the
/// "You are sharing" banner (item 10), a call lost when the server stops (11), and the chat (12).
@ExtendWith(ApplicationExtension.class)
class CallFlowFxTest {
  private static final ScreenInfo SCREEN = new ScreenInfo("s0", "Screen 1 (1920x1080)", 0, 0, 1920, 1080);

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<CallOutcome> outcomes = new CopyOnWriteArrayList<>();
  private final AtomicInteger rejoins = new AtomicInteger();
  private CallViewModel model;

  @BeforeAll
  static void headless() {
    if (Boolean.parseBoolean(System.getProperty("testfx.headless", "true"))) {
      System.setProperty("testfx.robot", "glass");
      System.setProperty("testfx.headless", "true");
      System.setProperty("glass.platform", "Monocle");
      System.setProperty("monocle.platform", "Headless");
      System.setProperty("prism.order", "sw");
      System.setProperty("prism.text", "t2k");
      System.setProperty("java.awt.headless", "true");
    }
  }

  @Start
  void start(Stage stage) {
    model = new CallViewModel("Standup", true, true, outcomes::add);
    model.attach(new Recorder());
    model.onRejoinNeeded(rejoins::incrementAndGet);
    // one screen with a picture of it, as the picker gets them from ShareSources.screens() on a desktop
    ShareSources oneScreen = () -> List.of(new ShareChoice(SCREEN, thumbnail()));
    stage.setScene(new Scene(new CallView(model, oneScreen).root(), 1000, 700));
    stage.sizeToScene();
    stage.show();
  }

  /// Item 10: even with one screen the picker opens with its thumbnail; Share starts it, the banner says what is
  /// shared, and its Stop button ends the share.
  @Test
  void oneScreenStillOpensThePickerAndTheBannerStopsTheShare(FxRobot robot) throws Exception {
    robot.interact(() -> model.onJoined("Standup", List.of()));
    robot.clickOn("#shareButton");
    // the thumbnail is in the scene once the choice's skin is made (the next pulse after the list arrived)
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#shareThumbnail").tryQuery().isPresent());
    assertThat(robot.lookup("#sharePicker").query().isVisible()).isTrue();
    assertThat(requests).as("nothing shared before the user chose").isEmpty();
    ImageView thumbnail = robot.lookup("#shareThumbnail").queryAs(ImageView.class);
    assertThat(thumbnail.getImage().getPixelReader().getColor(10, 10)).isEqualTo(Color.rgb(26, 115, 232));

    robot.clickOn("#shareStart");
    assertThat(requests).containsExactly("share s0");
    assertThat(robot.lookup("#sharePicker").query().isVisible()).isFalse();
    Node banner = robot.lookup("#sharingBanner").query();
    assertThat(banner.isVisible()).isTrue();
    assertThat(((Label) ((javafx.scene.layout.HBox) banner).getChildren().getFirst()).getText())
        .isEqualTo(Messages.get("call.sharing", SCREEN.name()));

    robot.clickOn("#sharingStop");
    assertThat(requests).containsExactly("share s0", "stop share");
    assertThat(banner.isVisible()).isFalse();

    robot.clickOn("#shareButton");
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#shareChoice-0").tryQuery().isPresent());
    robot.clickOn("#shareCancel");
    assertThat(requests).as("Cancel shares nothing").hasSize(2);
  }

  /// Item 11: the server stops mid-call — the window says the call was lost and joins again by itself while the
  /// server cannot be reached; back in, it says so. When it gives up it stays on the call window with "Join again"
  /// instead of going back to the meetings list; Leave closes it as a choice, not an error.
  @Test
  void aLostCallSaysSoKeepsRetryingAndNeverLandsSilentlyOnTheList(FxRobot robot) throws Exception {
    robot.interact(() -> model.onJoined("Standup", List.of(info("p1", "Grace"))));
    robot.interact(() -> model.onEnded("connection-lost")); // signaling gave up: the server is gone
    assertThat(rejoins.get()).isEqualTo(1);
    Node pane = robot.lookup("#callLostPane").query();
    assertThat(pane.isVisible()).isTrue();
    Label message = robot.lookup("#callLostMessage").queryAs(Label.class);
    assertThat(message.getText()).isEqualTo(Messages.get("call.lost.retrying", 1));
    assertThat(robot.lookup("#callLostRejoin").query().isVisible()).as("it is retrying by itself").isFalse();

    for (int attempt = 2; attempt <= 4; attempt++) { // the server does not answer yet
      int before = rejoins.get();
      robot.interact(() -> {
        model.onServerUnreachable("Could not reach the meeting server.");
        model.onEnded("join-failed");
      });
      assertThat(message.getText()).isEqualTo(Messages.get("call.lost.retrying", attempt));
      WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> rejoins.get() == before + 1);
    }
    assertThat(outcomes).isEmpty();
    robot.interact(() -> model.onJoined("Standup", List.of(info("p1", "Grace"))));
    assertThat(pane.isVisible()).isFalse();
    assertThat(robot.lookup("#callNotice").queryAs(Label.class).getText()).isEqualTo(Messages.get("call.rejoined"));

    for (int i = 0; i <= CallViewModel.MAX_AUTOMATIC_REJOINS; i++) {
      robot.interact(() -> model.onEnded("connection-lost"));
    }
    assertThat(pane.isVisible()).isTrue();
    assertThat(message.getText()).isEqualTo(Messages.get("call.lost.final",
        Messages.get("call.ended.connection-lost")));
    assertThat(outcomes).as("still on the call window").isEmpty();
    int before = rejoins.get();
    robot.clickOn("#callLostRejoin");
    assertThat(rejoins.get()).isEqualTo(before + 1);
    robot.clickOn("#callLostLeave");
    assertThat(outcomes).containsExactly(new CallOutcome(Messages.get("call.ended.left"), false));
    assertThat(requests).as("the session being started again is told to leave").contains("leave");
  }

  /// Item 12: the chat starts closed; each message shows its time and ours are marked; history from before we
  /// joined and the history the server replays after a rejoin are not counted as unread.
  @Test
  void chatShowsTimesMarksOursStartsClosedAndDoesNotCountHistory(FxRobot robot) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    robot.interact(() -> {
      model.onJoined("Standup", List.of(info("p1", "Grace")));
      model.onSelfUpdated(new ParticipantInfo("me", "u-me", "Ada", "participant", false, false, false, false));
    });
    assertThat(robot.lookup("#chatPanel").query().isVisible()).as("closed by default").isFalse();
    ChatEntry history = chat("m-0", "p1", "u-p1", "Grace", "before you came", now.minus(10, ChronoUnit.MINUTES));
    ChatEntry mine = chat("m-1", "me", "u-me", "Ada", "hello", now);
    ChatEntry theirs = chat("m-2", "p1", "u-p1", "Grace", "hi Ada", now.plusSeconds(1));
    robot.interact(() -> List.of(history, mine, theirs).forEach(model::onChatMessage));
    assertThat(model.chat().unreadProperty().get()).as("only Grace's new message").isEqualTo(1);

    // the call is lost and joined again as a new participant; the server replays the meeting's chat
    robot.interact(() -> {
      model.onEnded("resume-refused");
      model.onJoined("Standup", List.of(info("p1", "Grace")));
      model.onSelfUpdated(new ParticipantInfo("me-2", "u-me", "Ada", "participant", false, false, false, false));
      List.of(history, mine, theirs).forEach(model::onChatMessage);
    });
    assertThat(model.chat().unreadProperty().get()).isEqualTo(1);
    assertThat(robot.lookup("#chatBadge").queryAs(Label.class).getText()).isEqualTo("1");

    robot.clickOn("#chatToggle");
    ListView<?> list = robot.lookup("#chatList").queryAs(ListView.class);
    assertThat(list.getItems()).hasSize(3);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".chat-own").tryQuery().isPresent());
    ListCell<?> own = robot.lookup(".chat-own").queryAs(ListCell.class);
    assertThat(((Label) own.lookup("#chatSender")).getText()).isEqualTo(Messages.get("call.chat.you"));
    assertThat(((Label) own.lookup("#chatText")).getText()).isEqualTo("hello");
    assertThat(((Label) own.lookup("#chatTime")).getText()).isEqualTo(ChatPanel.time(now)).isNotBlank();
    assertThat(robot.lookup(".chat-own").queryAll()).as("only ours is marked").hasSize(1);
    assertThat(robot.lookup("#chatBadge").query().isVisible()).isFalse();
  }

  private static ChatEntry chat(String id, String participant, String user, String name, String text, Instant at) {
    return new ChatEntry(id, "c-" + id, participant, user, name, text, at.toString());
  }

  private static ParticipantInfo info(String id, String name) {
    return new ParticipantInfo(id, "u-" + id, name, "participant", false, false, false, false);
  }

  /// A 240 × 135 picture in one colour.
  private static WritableImage thumbnail() {
    WritableImage image = new WritableImage(240, 135);
    for (int y = 0; y < 135; y++) {
      for (int x = 0; x < 240; x++) {
        image.getPixelWriter().setColor(x, y, Color.rgb(26, 115, 232));
      }
    }
    return image;
  }

  /// Records the requests the view sends.
  private final class Recorder implements CallControls {
    @Override
    public void setAudioMuted(boolean muted) {
      requests.add("audioMuted=" + muted);
    }

    @Override
    public void setVideoMuted(boolean muted) {
      requests.add("videoMuted=" + muted);
    }

    @Override
    public void startScreenShare(ScreenInfo screen) {
      requests.add("share " + screen.id());
    }

    @Override
    public void stopScreenShare() {
      requests.add("stop share");
    }

    @Override
    public void leave() {
      requests.add("leave");
    }
  }
}
