package com.convene.desktop.ui.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.call.CallControls;
import com.convene.desktop.call.HostControls;
import com.convene.desktop.call.VideoFeed;
import com.convene.desktop.media.AudioMode;
import com.convene.desktop.media.LocalTrack;
import com.convene.desktop.media.MediaEngine;
import com.convene.desktop.media.ScreenInfo;
import com.convene.desktop.ui.Messages;
import com.convene.desktop.ui.controls.VideoTile;
import com.convene.model.signal.MediaSource;
import com.convene.model.signal.ParticipantInfo;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Issue 16 on the call window, on a real (headless Monocle) FX toolkit: the self-view (item 1), a computer
/// without a microphone (7), confirmations before host actions (8), both side panels open with four tiles (14),
/// initials (17) and tiles that report their size. Each test drives the view as a user would (clicks, menus) and
/// reads what is on screen.
@ExtendWith(ApplicationExtension.class)
class CallWindowFxTest {
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<CallOutcome> outcomes = new CopyOnWriteArrayList<>();
  private CallViewModel model;
  private CallView view;
  private Stage stage;

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
    this.stage = stage;
    show(true);
  }

  /// Puts a new call window on the stage; `microphonePresent` as the app found it.
  private void show(boolean microphonePresent) {
    model = new CallViewModel("Standup", true, microphonePresent, outcomes::add);
    model.attach(new Recorder());
    view = new CallView(model, List::of);
    stage.setScene(new Scene(view.root(), 1000, 700));
    stage.sizeToScene(); // the stage is shared by the tests; one of them makes it narrower
    stage.show();
  }

  /// Item 1: alone, our own tile fills the stage with our camera drawn mirrored (not a black stage); our raised
  /// hand and our own reaction show on it; the menu hides it and turns the mirror off.
  @Test
  void theSelfViewShowsOurCameraMirroredWithOurHandAndReactions(FxRobot robot) throws Exception {
    robot.interact(() -> {
      model.onJoined("Standup", List.of());
      model.onSelfUpdated(new ParticipantInfo("me", "u-me", "Ada Lovelace", "participant", false, false, false,
          false));
    });
    assertThat(view.tiles()).as("no one else").isEmpty();
    assertThat(view.shownTiles()).containsExactly(view.selfTile());
    VideoTile self = view.selfTile();
    assertThat(self.nameProperty().get()).isEqualTo(Messages.get("call.selfName", "Ada Lovelace"));
    assertThat(self.getWidth()).as("alone, our tile is large").isGreaterThan(500);
    assertThat(self.lookup("#tilePlaceholder").isVisible()).as("initials until video arrives").isTrue();
    assertThat(((Label) self.lookup("#tilePlaceholder")).getText()).isEqualTo("AL");

    try (MediaEngine engine = MediaEngine.create(AudioMode.HEADLESS);
        LocalTrack pattern = engine.createTestPatternTrack(320, 180, 15)) {
      VideoFeed feed = new VideoFeed((VideoTrack) pattern.track());
      try {
        robot.interact(() -> model.onLocalVideo(feed));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> self.framesRenderedProperty().get() >= 5);
        assertThat(self.hasNonBlankPixels()).as("our camera (the test pattern) is drawn").isTrue();
        ImageView picture = (ImageView) self.getChildren().stream().filter(ImageView.class::isInstance).findFirst()
            .orElseThrow();
        assertThat(picture.getScaleX()).as("mirrored by default").isEqualTo(-1);

        robot.clickOn("#cameraToggle");
        assertThat(requests).contains("videoMuted=true");
        assertThat(self.showsVideo()).as("camera off: initials, not a frozen or black picture").isFalse();
        robot.clickOn("#cameraToggle");
        long before = self.framesRenderedProperty().get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> self.framesRenderedProperty().get() > before + 2);

        robot.clickOn("#handToggle");
        assertThat(self.lookup("#handBadge").isVisible()).as("our raised hand shows on our tile").isTrue();
        robot.interact(() -> model.onReaction("me", Reactions.EMOJI.getFirst())); // the room echoes ours back
        assertThat(self.lookup("#reaction").isVisible()).isTrue();
        assertThat(((Label) self.lookup("#reaction")).getText()).isEqualTo(Reactions.EMOJI.getFirst());

        robot.clickOn("#selfViewMenu").clickOn(Messages.get("call.selfView.mirror"));
        assertThat(picture.getScaleX()).isEqualTo(1);
        robot.clickOn("#selfViewMenu").clickOn(Messages.get("call.selfView.show"));
        assertThat(view.shownTiles()).as("hidden").isEmpty();
        assertThat(model.selfView().shownProperty().get()).isFalse();
        robot.clickOn("#selfViewMenu").clickOn(Messages.get("call.selfView.show"));
        assertThat(view.shownTiles()).containsExactly(self);
      } finally {
        robot.interact(() -> model.onLocalVideo(null));
        feed.detach();
      }
    }
  }

  /// Item 7: without a microphone the button is off and disabled and says so, our row in the participant list
  /// says "No microphone", and the microphone cannot be turned on by its shortcut.
  @Test
  void withoutAMicrophoneTheButtonAndTheParticipantListSaySo(FxRobot robot) {
    robot.interact(() -> show(false));
    robot.interact(() -> model.onJoined("Standup", List.of()));
    ToggleButton mic = robot.lookup("#micToggle").queryAs(ToggleButton.class);
    assertThat(mic.isSelected()).isFalse();
    assertThat(mic.isDisabled()).isTrue();
    assertThat(mic.getAccessibleText()).isEqualTo(Messages.get("call.noMicrophone"));
    assertThat(mic.getTooltip().getText()).isEqualTo(Messages.get("call.noMicrophone"));
    robot.interact(() -> model.setMicMuted(false));
    assertThat(model.micMutedProperty().get()).isTrue();
    assertThat(requests).doesNotContain("audioMuted=false");

    robot.clickOn("#participantsToggle");
    Label row = (Label) robot.lookup("#selfRow").query().lookup("#rowMic");
    assertThat(row.getText()).isEqualTo(Messages.get("call.noMicrophone"));
    assertThat(row.getAccessibleText()).isEqualTo(Messages.get("call.noMicrophone"));
  }

  /// Item 8: Remove, Mute all and End for all ask first; Cancel sends nothing, the confirm button sends it.
  @Test
  void removeMuteAllAndEndForAllAskFirst(FxRobot robot) {
    robot.interact(() -> {
      model.onJoined("Standup", List.of(info("p1", "Grace Hopper")));
      model.onSelfUpdated(new ParticipantInfo("me", "u-me", "Ada", "host", false, false, false, false));
    });
    robot.clickOn("#participantsToggle");
    MenuButton hostMenu = robot.lookup("#hostMenu").queryAs(MenuButton.class);
    robot.interact(() -> hostMenu.getItems().stream()
        .filter(i -> i.getText().equals(Messages.get("call.host.remove"))).findFirst().orElseThrow().fire());
    assertThat(robot.lookup("#confirmPane").query().isVisible()).isTrue();
    assertThat(robot.lookup("#confirmMessage").queryAs(Label.class).getText()).contains("Grace Hopper");
    robot.clickOn("#confirmCancel");
    assertThat(robot.lookup("#confirmPane").query().isVisible()).isFalse();
    assertThat(requests).isEmpty();

    robot.interact(() -> hostMenu.getItems().stream()
        .filter(i -> i.getText().equals(Messages.get("call.host.remove"))).findFirst().orElseThrow().fire());
    robot.clickOn("#confirmButton");
    robot.clickOn("#muteAllButton");
    assertThat(requests).containsExactly("remove p1");
    robot.clickOn("#confirmButton");
    robot.clickOn("#endButton");
    assertThat(robot.lookup("#confirmMessage").queryAs(Label.class).getText())
        .isEqualTo(Messages.get("call.confirm.end"));
    assertThat(requests).containsExactly("remove p1", "mute all");
    robot.clickOn("#confirmButton");
    assertThat(requests).containsExactly("remove p1", "mute all", "end");
  }

  /// Item 4: a link or a reminder's Join during a call with others asks before leaving it; Cancel stays, the
  /// confirm button leaves for the other meeting. Alone in the call nothing is lost, so it leaves at once.
  @Test
  void anotherMeetingsLinkDuringACallAsksBeforeLeavingIt(FxRobot robot) {
    robot.interact(() -> model.onJoined("Standup", List.of(info("p1", "Grace"))));
    robot.interact(() -> model.askLeaveFor("abc-defg-hij", () -> requests.add("switch")));
    assertThat(robot.lookup("#confirmPane").query().isVisible()).isTrue();
    assertThat(robot.lookup("#confirmMessage").queryAs(Label.class).getText()).contains("abc-defg-hij");
    robot.clickOn("#confirmCancel");
    assertThat(requests).isEmpty();
    robot.interact(() -> model.askLeaveFor("abc-defg-hij", () -> requests.add("switch")));
    robot.clickOn("#confirmButton");
    assertThat(requests).containsExactly("switch");

    robot.interact(() -> model.onParticipantLeft("p1"));
    robot.interact(() -> model.askLeaveFor("xyz-defg-hij", () -> requests.add("switch alone")));
    assertThat(robot.lookup("#confirmPane").query().isVisible()).isFalse();
    assertThat(requests).containsExactly("switch", "switch alone");
  }

  /// Item 14: with both side panels open and four people, the grid keeps two columns and shows no scroll bar;
  /// the panels are stacked in one column.
  @Test
  void bothPanelsOpenKeepTwoColumnsAndTheFourTileGridDoesNotScroll(FxRobot robot) throws Exception {
    robot.interact(() -> model.onJoined("Standup",
        List.of(info("p1", "Grace"), info("p2", "Linus"), info("p3", "Barbara"))));
    robot.clickOn("#participantsToggle");
    robot.clickOn("#chatToggle");
    WaitForAsyncUtils.waitForFxEvents();
    Node people = robot.lookup("#participantsPanel").query();
    Node chat = robot.lookup("#chatPanel").query();
    assertThat(people.isVisible() && chat.isVisible()).isTrue();
    assertThat(people.localToScene(people.getBoundsInLocal()).getMinX())
        .as("stacked, not side by side").isEqualTo(chat.localToScene(chat.getBoundsInLocal()).getMinX());

    List<VideoTile> tiles = view.shownTiles();
    assertThat(tiles).hasSize(4).endsWith(view.selfTile()); // three others and us
    // the grid is sized again once the panels took their width (a layout pass or two)
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> tiles.stream()
        .map(t -> Math.round(t.localToScene(t.getBoundsInLocal()).getMinX())).distinct().count() == 2);
    Set<Long> columns = tiles.stream().map(t -> Math.round(t.localToScene(t.getBoundsInLocal()).getMinX()))
        .collect(Collectors.toSet());
    Set<Long> rows = tiles.stream().map(t -> Math.round(t.localToScene(t.getBoundsInLocal()).getMinY()))
        .collect(Collectors.toSet());
    assertThat(columns).as("two columns").hasSize(2);
    assertThat(rows).as("two rows").hasSize(2);
    for (Node bar : robot.lookup("#videoGrid").query().getParent().getParent().getParent()
        .lookupAll(".scroll-bar")) {
      assertThat(bar.isVisible()).as(((ScrollBar) bar).getOrientation() + " scroll bar").isFalse();
    }
  }

  /// Item 17: initials leave out punctuation and brackets; leaving by choice is no error for the next screen.
  @Test
  void initialsHaveNoPunctuationAndLeavingIsNoError(FxRobot robot) {
    robot.interact(() -> model.onJoined("Standup", List.of(info("p1", "Admin (host)"), info("p2", "O'Brien, Pat"))));
    List<String> initials = view.tiles().stream()
        .map(t -> ((Label) t.lookup("#tilePlaceholder")).getText()).toList();
    assertThat(initials).startsWith("A", "OP");

    robot.interact(() -> model.onEnded("left"));
    assertThat(outcomes).containsExactly(new CallOutcome(Messages.get("call.ended.left"), false));
    robot.interact(() -> show(true));
    robot.interact(() -> model.onEnded("removed"));
    assertThat(outcomes.getLast().problem()).as("being removed is").isTrue();
  }

  /// Tiles report how large they are drawn and whether they are shown (for the simulcast layer choice).
  @Test
  void tilesReportTheirSizeAndWhetherTheyAreShown(FxRobot robot) {
    robot.interact(() -> model.onJoined("Standup", List.of(info("p1", "Grace"), info("p2", "Linus"))));
    WaitForAsyncUtils.waitForFxEvents();
    TileModel grace = model.tiles().getFirst();
    TileSize inGrid = grace.shownSizeProperty().get();
    assertThat(inGrid.visible()).isTrue();
    VideoTile graceTile = view.tiles().getFirst();
    assertThat(inGrid.width()).isEqualTo((int) Math.round(graceTile.getWidth())).isGreaterThan(200);

    robot.interact(() -> stage.setWidth(700));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(grace.shownSizeProperty().get().width()).as("follows the window").isLessThan(inGrid.width());

    robot.interact(() -> model.selfView().shownProperty().set(false));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.selfView().tile().shownSizeProperty().get()).isEqualTo(TileSize.HIDDEN);
  }

  private static ParticipantInfo info(String id, String name) {
    return new ParticipantInfo(id, "u-" + id, name, "participant", false, false, false, false);
  }

  /// Records the requests the view sends.
  private final class Recorder implements CallControls, HostControls {
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
    public void setHandRaised(boolean raised) {
      requests.add("hand=" + raised);
    }

    @Override
    public void leave() {
      requests.add("leave");
    }

    @Override
    public void admit(String waitingId) {}

    @Override
    public void deny(String waitingId) {}

    @Override
    public void stopMediaOf(String participantId, MediaSource source) {}

    @Override
    public void muteAll() {
      requests.add("mute all");
    }

    @Override
    public void remove(String participantId) {
      requests.add("remove " + participantId);
    }

    @Override
    public void makeHost(String participantId) {}

    @Override
    public void setLocked(boolean locked) {}

    @Override
    public void endMeeting() {
      requests.add("end");
    }

    @Override
    public void setRecording(boolean recording) {}
  }
}
