package com.convene.desktop.ui.meetings;

import com.convene.desktop.ui.Messages;
import com.convene.model.api.MeetingView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import atlantafx.base.theme.Styles;
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

/// The home screen, bound to a [MeetingsViewModel]. FX thread only.
///
/// Control ids for tests: `#meetingList`, `#joinCodeField`, `#joinButton`, `#joinSelectedButton`,
/// `#refreshButton`, `#recordingsButton`, `#devicesButton`, `#signOutButton`, `#meetingsError`.
public final class MeetingsView {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withZone(ZoneId.systemDefault());
  private final VBox root;

  /// @param onRecordings opens the recordings screen
  /// @param onDevices    opens the device settings
  public MeetingsView(MeetingsViewModel model, Runnable onSignOut, Runnable onRecordings, Runnable onDevices) {
    Label heading = new Label(Messages.get("meetings.heading"));
    heading.getStyleClass().add("heading");

    ListView<MeetingView> list = new ListView<>(model.meetings());
    list.setId("meetingList");
    list.setAccessibleText(Messages.get("meetings.heading"));
    list.setPlaceholder(new Label(Messages.get("meetings.empty")));
    list.setCellFactory(view -> new MeetingCell());
    model.selectedProperty().bind(list.getSelectionModel().selectedItemProperty());
    list.setOnMouseClicked(event -> {
      if (event.getClickCount() == 2) {
        model.joinSelected();
      }
    });
    VBox.setVgrow(list, Priority.ALWAYS);

    TextField code = new TextField();
    code.setId("joinCodeField");
    code.setPromptText(Messages.get("meetings.joinCode.prompt"));
    code.setAccessibleText(Messages.get("meetings.joinCode.prompt"));
    code.textProperty().bindBidirectional(model.joinCodeProperty());
    code.setOnAction(event -> model.joinByCode());
    HBox.setHgrow(code, Priority.ALWAYS);

    Button join = new Button(Messages.get("meetings.join"));
    join.setId("joinButton");
    join.getStyleClass().add(Styles.ACCENT);
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

    HBox joinRow = new HBox(8, code, join);
    joinRow.setAlignment(Pos.CENTER_LEFT);
    HBox listActions = new HBox(8, joinSelected, refresh, recordings, devices, signOut);
    root = new VBox(12, heading, list, listActions, joinRow, error);
    root.setPadding(new Insets(24));
    root.getStyleClass().add("form");
  }

  public Parent root() {
    return root;
  }

  /// Shows title, start time and join code of one meeting.
  private static final class MeetingCell extends ListCell<MeetingView> {
    @Override
    protected void updateItem(MeetingView meeting, boolean empty) {
      super.updateItem(meeting, empty);
      if (empty || meeting == null) {
        setText(null);
        return;
      }
      String when = meeting.scheduledStart() == null ? Messages.get("meetings.instant")
          : WHEN.format(meeting.scheduledStart());
      setText(meeting.joinCode() == null
          ? Messages.get("meetings.cell", MeetingsViewModel.title(meeting), when)
          : Messages.get("meetings.cell.code", MeetingsViewModel.title(meeting), when, meeting.joinCode()));
    }
  }
}
