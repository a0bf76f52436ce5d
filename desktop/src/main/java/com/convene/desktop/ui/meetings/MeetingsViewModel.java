package com.convene.desktop.ui.meetings;

import com.convene.desktop.call.CallException;
import com.convene.desktop.call.JoinLink;
import com.convene.desktop.ui.Background;
import com.convene.desktop.ui.Messages;
import com.convene.model.api.MeetingView;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// State of the home screen: upcoming meetings and the join-by-code field. FX thread only.
public final class MeetingsViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(MeetingsViewModel.class);
  private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

  private final ObservableList<MeetingView> meetings = FXCollections.observableArrayList();
  private final ObjectProperty<@Nullable MeetingView> selected = new SimpleObjectProperty<>();
  private final StringProperty joinCode = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final MeetingsService service;
  private final Background background;
  private final Consumer<JoinTarget> onJoin;

  public MeetingsViewModel(MeetingsService service, Background background, Consumer<JoinTarget> onJoin) {
    this.service = service;
    this.background = background;
    this.onJoin = onJoin;
  }

  public ObservableList<MeetingView> meetings() {
    return meetings;
  }

  public ObjectProperty<@Nullable MeetingView> selectedProperty() {
    return selected;
  }

  public StringProperty joinCodeProperty() {
    return joinCode;
  }

  public StringProperty errorProperty() {
    return error;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  /// Reloads the upcoming meetings off the FX thread.
  public void refresh() {
    busy.set(true);
    error.set("");
    background.run(service::upcomingMeetings, list -> {
      busy.set(false);
      meetings.setAll(list);
    }, this::fail);
  }

  /// Joins the meeting typed or pasted into the code field: a join code is looked up first so that an unknown
  /// code fails here with the server's message; a meeting id is joined directly.
  public void joinByCode() {
    Optional<String> reference = JoinLink.parse(joinCode.get());
    if (reference.isEmpty()) {
      error.set(Messages.get("meetings.badCode"));
      return;
    }
    String meeting = reference.get();
    if (UUID_TEXT.matcher(meeting).matches()) {
      onJoin.accept(new JoinTarget(meeting, meeting));
      return;
    }
    busy.set(true);
    error.set("");
    background.run(() -> service.meetingByCode(meeting), found -> {
      busy.set(false);
      onJoin.accept(new JoinTarget(found.id() != null ? found.id().toString() : meeting, title(found)));
    }, this::fail);
  }

  /// Joins the meeting selected in the list; no-op without a selection.
  public void joinSelected() {
    MeetingView meeting = selected.get();
    if (meeting != null) {
      onJoin.accept(new JoinTarget(meeting.id().toString(), title(meeting)));
    }
  }

  static String title(MeetingView meeting) {
    return meeting.title() == null || meeting.title().isBlank() ? Messages.get("meetings.instant") : meeting.title();
  }

  private void fail(Throwable failure) {
    busy.set(false);
    if (failure instanceof CallException e) {
      error.set(Messages.describe(e));
    } else {
      LOG.error("Meeting request failed unexpectedly", failure);
      error.set(Messages.get("error.generic"));
    }
  }
}
