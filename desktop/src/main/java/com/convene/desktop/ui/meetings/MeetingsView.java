package com.convene.desktop.ui.meetings;

import atlantafx.base.theme.Styles;
import com.convene.desktop.ui.Messages;
import com.convene.model.api.MeetingView;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/// The home screen, bound to a [MeetingsViewModel]: "New meeting" and "Schedule" on top, my meetings below with
/// a Join button per row (and Edit and Cancel on the ones I host), the join-by-code field at the bottom. The rows'
/// "in 5 min" is redrawn every [#TICK_SECONDS] s. FX thread only.
///
/// Control ids for tests: `#meetingList`, `#newMeetingButton`, `#scheduleButton`, `#joinCodeField`,
/// `#joinButton`, `#joinSelectedButton`, `#refreshButton`, `#recordingsButton`, `#devicesButton`,
/// `#signOutButton`, `#meetingsError`, `#meetingsNotice`; per row `#join-<joinCode>`, `#edit-<joinCode>`,
/// `#cancel-<joinCode>` and `#details-<joinCode>`; the cancel question `#cancelConfirmBar` with
/// `#cancelConfirmButton` and `#cancelKeepButton`.
public final class MeetingsView {
  /// How often the rows' relative times are redrawn, s.
  static final int TICK_SECONDS = 20;
  private final VBox root;
  private final Timeline ticker;

  /// @param onRecordings opens the recordings screen
  /// @param onDevices    opens the device settings
  /// @param onEdit       opens the schedule form on one of my meetings
  /// @param onSchedule   opens the schedule form for a new meeting
  public MeetingsView(MeetingsViewModel model, Runnable onSignOut, Runnable onRecordings, Runnable onDevices,
      Consumer<MeetingView> onEdit, Runnable onSchedule) {
    Label heading = new Label(Messages.get("meetings.heading"));
    heading.getStyleClass().add("heading");

    Button newMeeting = new Button(Messages.get("meetings.new"));
    newMeeting.setId("newMeetingButton");
    newMeeting.getStyleClass().add(Styles.ACCENT);
    newMeeting.disableProperty().bind(model.busyProperty());
    newMeeting.setOnAction(event -> model.newMeeting());

    Button schedule = new Button(Messages.get("meetings.schedule"));
    schedule.setId("scheduleButton");
    schedule.setOnAction(event -> onSchedule.run());
    HBox top = new HBox(16, heading, newMeeting, schedule);
    top.setAlignment(Pos.CENTER_LEFT);

    ListView<MeetingView> list = new ListView<>(model.meetings());
    list.setId("meetingList");
    list.setAccessibleText(Messages.get("meetings.heading"));
    list.setPlaceholder(new Label(Messages.get("meetings.empty")));
    list.setCellFactory(view -> new MeetingCell(model, onEdit));
    model.selectedProperty().bind(list.getSelectionModel().selectedItemProperty());
    list.setOnMouseClicked(event -> {
      if (event.getClickCount() == 2) {
        model.joinSelected();
      }
    });
    VBox.setVgrow(list, Priority.ALWAYS);

    HBox confirm = cancelConfirmBar(model);

    TextField code = new TextField();
    code.setId("joinCodeField");
    code.setPromptText(Messages.get("meetings.joinCode.prompt"));
    code.setAccessibleText(Messages.get("meetings.joinCode.prompt"));
    code.textProperty().bindBidirectional(model.joinCodeProperty());
    code.setOnAction(event -> model.joinByCode());
    HBox.setHgrow(code, Priority.ALWAYS);

    Button join = new Button(Messages.get("meetings.join"));
    join.setId("joinButton");
    join.disableProperty().bind(model.busyProperty().or(model.joinCodeProperty().isEmpty()));
    join.setOnAction(event -> model.joinByCode());

    Button joinSelected = new Button(Messages.get("meetings.joinSelected"));
    joinSelected.setId("joinSelectedButton");
    joinSelected.disableProperty().bind(model.selectedProperty().isNull().or(model.busyProperty()));
    joinSelected.setOnAction(event -> model.joinSelected());

    Button refresh = new Button(Messages.get("meetings.refresh"));
    refresh.setId("refreshButton");
    refresh.disableProperty().bind(model.busyProperty());
    refresh.setOnAction(event -> model.refresh());

    Button recordings = new Button(Messages.get("meetings.recordings"));
    recordings.setId("recordingsButton");
    recordings.setOnAction(event -> onRecordings.run());

    Button devices = new Button(Messages.get("meetings.devices"));
    devices.setId("devicesButton");
    devices.setOnAction(event -> onDevices.run());

    Button signOut = new Button(Messages.get("meetings.signOut"));
    signOut.setId("signOutButton");
    signOut.setOnAction(event -> onSignOut.run());

    Label error = new Label();
    error.setId("meetingsError");
    error.getStyleClass().add("error");
    error.setWrapText(true);
    error.textProperty().bind(model.errorProperty());

    Label notice = new Label();
    notice.setId("meetingsNotice");
    notice.setWrapText(true);
    notice.textProperty().bind(model.noticeProperty());

    HBox joinRow = new HBox(8, code, join);
    joinRow.setAlignment(Pos.CENTER_LEFT);
    HBox listActions = new HBox(8, joinSelected, refresh, recordings, devices, signOut);
    root = new VBox(12, top, list, confirm, listActions, joinRow, notice, error);
    root.setPadding(new Insets(24));
    root.getStyleClass().add("form");

    ticker = new Timeline(new KeyFrame(Duration.seconds(TICK_SECONDS), event -> list.refresh()));
    ticker.setCycleCount(Animation.INDEFINITE);
    ticker.play();
    root.sceneProperty().addListener((obs, was, now) -> {
      if (now == null) {
        ticker.stop();
      }
    });
  }

  public Parent root() {
    return root;
  }

  /// "Cancel <title> for everyone?" with Cancel meeting / Keep, shown while a cancel waits for its answer.
  private static HBox cancelConfirmBar(MeetingsViewModel model) {
    Label question = new Label();
    question.setWrapText(true);
    Button yes = new Button(Messages.get("meetings.cancel.confirm"));
    yes.setId("cancelConfirmButton");
    yes.getStyleClass().add(Styles.DANGER);
    yes.setOnAction(event -> model.confirmCancel(true));
    Button keep = new Button(Messages.get("meetings.cancel.keep"));
    keep.setId("cancelKeepButton");
    keep.setOnAction(event -> model.confirmCancel(false));
    HBox bar = new HBox(8, question, yes, keep);
    bar.setId("cancelConfirmBar");
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.visibleProperty().bind(model.cancelPendingProperty().isNotNull());
    bar.managedProperty().bind(bar.visibleProperty());
    model.cancelPendingProperty().addListener((obs, was, now) -> question.setText(now == null ? ""
        : Messages.get("meetings.cancel.question", MeetingsViewModel.title(now))));
    return bar;
  }

  /// One meeting: title, then when · how soon · how long · host; Join, and Edit and Cancel for my meetings.
  private static final class MeetingCell extends ListCell<MeetingView> {
    private final MeetingsViewModel model;
    private final Consumer<MeetingView> onEdit;
    private final Label title = new Label();
    private final Label details = new Label();
    private final Button join = new Button(Messages.get("meetings.join"));
    private final Button edit = new Button(Messages.get("meetings.edit"));
    private final Button cancel = new Button(Messages.get("meetings.cancel"));
    private final HBox row;

    MeetingCell(MeetingsViewModel model, Consumer<MeetingView> onEdit) {
      this.model = model;
      this.onEdit = onEdit;
      title.getStyleClass().add(Styles.TEXT_BOLD);
      details.getStyleClass().add(Styles.TEXT_MUTED);
      join.getStyleClass().add(Styles.ACCENT);
      edit.getStyleClass().add(Styles.FLAT);
      cancel.getStyleClass().add(Styles.FLAT);
      VBox text = new VBox(2, title, details);
      HBox.setHgrow(text, Priority.ALWAYS);
      row = new HBox(8, text, edit, cancel, join);
      row.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(MeetingView meeting, boolean empty) {
      super.updateItem(meeting, empty);
      setText(null);
      if (empty || meeting == null) {
        setGraphic(null);
        return;
      }
      String code = meeting.joinCode() == null ? String.valueOf(meeting.id()) : meeting.joinCode();
      title.setText(MeetingsViewModel.title(meeting));
      details.setText(model.details(meeting));
      details.setId("details-" + code);
      join.setId("join-" + code);
      join.setAccessibleText(Messages.get("meetings.join") + " " + title.getText());
      join.setOnAction(event -> model.join(meeting));
      boolean mine = model.isMine(meeting);
      edit.setId("edit-" + code);
      edit.setVisible(mine);
      edit.setManaged(mine);
      edit.setOnAction(event -> onEdit.accept(meeting));
      cancel.setId("cancel-" + code);
      cancel.setVisible(mine);
      cancel.setManaged(mine);
      cancel.setOnAction(event -> model.askCancel(meeting));
      setGraphic(row);
    }
  }
}
