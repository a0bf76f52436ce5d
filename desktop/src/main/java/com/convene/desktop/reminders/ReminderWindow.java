package com.convene.desktop.reminders;

import com.convene.desktop.ui.Messages;
import com.convene.model.api.MeetingView;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

/// A reminder on screen: a small always-on-top window at the top centre of the screen, as desktop meeting apps show
/// them, with the meeting's title and start and **Join**, **Snooze 5 min** and **Dismiss** (Escape). Ids:
/// `#reminderWindow`, `#reminderTitle`, `#reminderJoin`, `#reminderSnooze`, `#reminderDismiss`. FX thread only.
final class ReminderWindow {
  /// What the person chose.
  enum Choice { JOIN, SNOOZE, DISMISS }

  /// Distance from the screen's edges, px.
  static final double MARGIN = 16;
  private final Stage stage;

  ReminderWindow(Window owner, MeetingView meeting, Instant now, ZoneId zone,
      java.util.function.Consumer<Choice> onChoice) {
    stage = new Stage(StageStyle.UTILITY);
    if (owner != null) {
      stage.initOwner(owner);
    }
    stage.setAlwaysOnTop(true);
    stage.setTitle(Messages.get("reminder.heading"));
    Label heading = new Label(Messages.get("reminder.heading"));
    heading.getStyleClass().add("title-4");
    Label title = new Label(meeting.title());
    title.setId("reminderTitle");
    title.setWrapText(true);
    Duration until = Duration.between(now, meeting.scheduledStart());
    String when = until.isNegative() || until.isZero()
        ? Messages.get("reminder.started", TrayMenu.time(meeting.scheduledStart(), zone))
        : Messages.get("reminder.startsAt", TrayMenu.time(meeting.scheduledStart(), zone),
            Math.max(1, (until.toSeconds() + 59) / 60));
    Label time = new Label(when);
    Button join = button("reminderJoin", Messages.get("reminder.join"), () -> choose(Choice.JOIN, onChoice));
    join.setDefaultButton(true);
    Button snooze = button("reminderSnooze", Messages.get("reminder.snooze"), () -> choose(Choice.SNOOZE, onChoice));
    Button dismiss = button("reminderDismiss", Messages.get("reminder.dismiss"),
        () -> choose(Choice.DISMISS, onChoice));
    dismiss.setCancelButton(true);
    VBox root = new VBox(8, heading, title, time, new HBox(8, join, snooze, dismiss));
    root.setId("reminderWindow");
    root.setPadding(new Insets(16));
    root.setAccessibleText(Messages.get("reminder.heading") + ": " + meeting.title() + ", " + when);
    Scene scene = new Scene(root);
    if (owner != null && owner.getScene() != null) {
      scene.getStylesheets().setAll(owner.getScene().getStylesheets());
      root.getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
    }
    stage.setScene(scene);
    stage.setOnCloseRequest(event -> onChoice.accept(Choice.DISMISS));
  }

  private Button button(String id, String text, Runnable action) {
    Button button = new Button(text);
    button.setId(id);
    button.setOnAction(event -> action.run());
    return button;
  }

  private void choose(Choice choice, java.util.function.Consumer<Choice> onChoice) {
    stage.close();
    onChoice.accept(choice);
  }

  /// Shows the window at the top centre of the primary screen (where GNOME shows notifications), without
  /// taking focus from a call: the call's controls (Leave, mute) run along the bottom of the main window and the
  /// meetings' Join buttons down its right edge, so a bottom-right or top-right corner would cover them when the
  /// window fills the screen. [#MARGIN] px below the top edge.
  void show() {
    stage.show();
    Rectangle2D area = Screen.getPrimary().getVisualBounds();
    stage.setX(area.getMinX() + (area.getWidth() - stage.getWidth()) / 2);
    stage.setY(area.getMinY() + MARGIN);
  }

  /// The window's bounds on screen, for tests.
  Rectangle2D bounds() {
    return new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
  }

  void close() {
    stage.close();
  }
}
