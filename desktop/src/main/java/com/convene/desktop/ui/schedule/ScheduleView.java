package com.convene.desktop.ui.schedule;

import atlantafx.base.theme.Styles;
import com.convene.desktop.ui.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/// The schedule form, bound to a [ScheduleViewModel]. The day picker shows the locale's date format. FX thread
/// only.
///
/// Control ids for tests: `#scheduleTitle`, `#scheduleDay` (`DatePicker`), `#scheduleTime`, `#scheduleLength`
/// (`ComboBox` of minutes), `#scheduleRepeat` (`ComboBox` of [Recurrence]), `#scheduleCount` (`Spinner`),
/// `#scheduleInvitees`, `#schedulePasswordToggle`, `#schedulePassword`, `#scheduleWaitingRoom`, `#scheduleSave`,
/// `#scheduleBack`, `#scheduleError`.
public final class ScheduleView {
  private final VBox root;

  /// @param onBack leaves the form without saving
  public ScheduleView(ScheduleViewModel model, Runnable onBack) {
    Label heading = new Label(Messages.get(model.isEditing() ? "schedule.heading.edit" : "schedule.heading"));
    heading.getStyleClass().add("heading");

    TextField title = new TextField();
    title.setId("scheduleTitle");
    title.textProperty().bindBidirectional(model.titleProperty());

    DatePicker day = new DatePicker();
    day.setId("scheduleDay");
    java.time.format.DateTimeFormatter dayFormat = model.dates().dateFormatter();
    day.setConverter(new StringConverter<>() {
      @Override
      public String toString(java.time.LocalDate date) {
        return date == null ? "" : dayFormat.format(date);
      }

      @Override
      public java.time.LocalDate fromString(String text) {
        try {
          return text == null || text.isBlank() ? null : java.time.LocalDate.parse(text.strip(), dayFormat);
        } catch (java.time.format.DateTimeParseException e) {
          return model.dayProperty().get();
        }
      }
    });
    day.valueProperty().bindBidirectional(model.dayProperty());

    TextField time = new TextField();
    time.setId("scheduleTime");
    time.setPrefColumnCount(8);
    time.textProperty().bindBidirectional(model.startTimeProperty());

    ComboBox<Integer> length = new ComboBox<>();
    length.setId("scheduleLength");
    length.getItems().setAll(ScheduleViewModel.LENGTHS);
    if (!length.getItems().contains(model.lengthMinutesProperty().get())) {
      length.getItems().add(model.lengthMinutesProperty().get());
    }
    length.setConverter(new StringConverter<>() {
      @Override
      public String toString(Integer minutes) {
        return minutes == null ? "" : com.convene.desktop.ui.Dates.duration(minutes);
      }

      @Override
      public Integer fromString(String text) {
        return null;
      }
    });
    length.valueProperty().bindBidirectional(model.lengthMinutesProperty());

    ComboBox<Recurrence> repeat = new ComboBox<>();
    repeat.setId("scheduleRepeat");
    repeat.getItems().setAll(Recurrence.values());
    repeat.setCellFactory(view -> new RecurrenceCell());
    repeat.setButtonCell(new RecurrenceCell());
    repeat.valueProperty().bindBidirectional(model.recurrenceProperty());

    Spinner<Integer> count = new Spinner<>(2, 400, model.countProperty().get());
    count.setId("scheduleCount");
    count.setEditable(true);
    count.valueProperty().addListener((obs, was, now) -> model.countProperty().set(now));
    count.disableProperty().bind(model.recurrenceProperty().isEqualTo(Recurrence.NONE));
    Label times = new Label(Messages.get("schedule.times"));
    HBox repeatRow = new HBox(8, repeat, count, times);
    repeatRow.setAlignment(Pos.CENTER_LEFT);

    TextField invitees = new TextField();
    invitees.setId("scheduleInvitees");
    invitees.setPromptText(Messages.get("schedule.invitees.prompt"));
    invitees.textProperty().bindBidirectional(model.inviteesProperty());

    CheckBox passwordToggle = new CheckBox(Messages.get("schedule.requirePassword"));
    passwordToggle.setId("schedulePasswordToggle");
    passwordToggle.selectedProperty().bindBidirectional(model.requirePasswordProperty());
    PasswordField password = new PasswordField();
    password.setId("schedulePassword");
    password.setPromptText(Messages.get(model.isEditing() ? "schedule.password.keep" : "schedule.password.prompt"));
    password.textProperty().bindBidirectional(model.passwordProperty());
    password.disableProperty().bind(model.requirePasswordProperty().not());
    HBox passwordRow = new HBox(8, passwordToggle, password);
    passwordRow.setAlignment(Pos.CENTER_LEFT);

    CheckBox waitingRoom = new CheckBox(Messages.get("schedule.waitingRoom"));
    waitingRoom.setId("scheduleWaitingRoom");
    waitingRoom.selectedProperty().bindBidirectional(model.waitingRoomProperty());

    GridPane form = new GridPane();
    form.setHgap(12);
    form.setVgap(8);
    form.addRow(0, label("schedule.title", title), title);
    form.addRow(1, label("schedule.day", day), day);
    form.addRow(2, label("schedule.time", time), time);
    form.addRow(3, label("schedule.length", length), length);
    form.addRow(4, label("schedule.repeat", repeat), repeatRow);
    form.addRow(5, label(model.isEditing() ? "schedule.invitees.more" : "schedule.invitees", invitees), invitees);
    form.addRow(6, label("schedule.password", password), passwordRow);
    form.add(waitingRoom, 1, 7);
    GridPane.setHgrow(title, Priority.ALWAYS);

    Button save = new Button(Messages.get(model.isEditing() ? "schedule.saveChanges" : "schedule.save"));
    save.setId("scheduleSave");
    save.setDefaultButton(true);
    save.getStyleClass().add(Styles.ACCENT);
    save.disableProperty().bind(model.busyProperty());
    save.setOnAction(event -> model.save());
    Button back = new Button(Messages.get("schedule.back"));
    back.setId("scheduleBack");
    back.setCancelButton(true);
    back.setOnAction(event -> onBack.run());

    Label error = new Label();
    error.setId("scheduleError");
    error.getStyleClass().add("error");
    error.setWrapText(true);
    error.textProperty().bind(model.errorProperty());

    HBox actions = new HBox(8, save, back);
    root = new VBox(16, heading, form, actions, error);
    root.setPadding(new Insets(24));
    root.getStyleClass().add("form");
  }

  public Parent root() {
    return root;
  }

  private static Label label(String key, Control field) {
    Label label = new Label(Messages.get(key));
    label.setLabelFor(field);
    field.setAccessibleText(Messages.get(key));
    return label;
  }

  /// Shows a repeat choice in words.
  private static final class RecurrenceCell extends ListCell<Recurrence> {
    @Override
    protected void updateItem(Recurrence recurrence, boolean empty) {
      super.updateItem(recurrence, empty);
      setText(empty || recurrence == null ? null
          : Messages.get("schedule.repeat." + recurrence.name().toLowerCase(java.util.Locale.ROOT)));
    }
  }
}
