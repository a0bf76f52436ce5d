package com.convene.desktop.ui.meetings;

import com.convene.desktop.call.CallException;
import com.convene.desktop.call.JoinLink;
import com.convene.desktop.ui.Background;
import com.convene.desktop.ui.Dates;
import com.convene.desktop.ui.Messages;
import com.convene.model.api.MeetingCreateRequest;
import com.convene.model.api.MeetingView;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
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

/// State of the home screen: my meetings that are live or still to come (live and instant ones first, then by
/// start), each with its own Join, and for the ones I host Edit and Cancel; "New meeting" (an instant meeting,
/// joined at once) and the join-by-code field. FX thread only.
public final class MeetingsViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(MeetingsViewModel.class);
  private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

  private final ObservableList<MeetingView> meetings = FXCollections.observableArrayList();
  private final ObjectProperty<@Nullable MeetingView> selected = new SimpleObjectProperty<>();
  private final ObjectProperty<@Nullable MeetingView> cancelPending = new SimpleObjectProperty<>();
  private final StringProperty joinCode = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final StringProperty notice = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final MeetingsService service;
  private final Background background;
  private final Consumer<JoinTarget> onJoin;
  private final @Nullable UUID me;
  private final @Nullable String myName;
  private final InstantSource clock;
  private final Dates dates;

  /// A home screen without an owner (meetings cannot be told apart as mine): for tests of joining only.
  public MeetingsViewModel(MeetingsService service, Background background, Consumer<JoinTarget> onJoin) {
    this(service, background, onJoin, null, null, InstantSource.system(), Dates.system());
  }

  /// @param me     the signed-in user's id: their meetings get Edit and Cancel
  /// @param myName their display name, for the title of a new instant meeting
  /// @param clock  "now" for "starts in 5 min"
  public MeetingsViewModel(MeetingsService service, Background background, Consumer<JoinTarget> onJoin,
      @Nullable UUID me, @Nullable String myName, InstantSource clock, Dates dates) {
    this.service = service;
    this.background = background;
    this.onJoin = onJoin;
    this.me = me;
    this.myName = myName;
    this.clock = clock;
    this.dates = dates;
  }

  public ObservableList<MeetingView> meetings() {
    return meetings;
  }

  public ObjectProperty<@Nullable MeetingView> selectedProperty() {
    return selected;
  }

  /// The meeting whose Cancel was pressed and waits for "Cancel meeting" or "Keep" ([#confirmCancel]).
  public ObjectProperty<@Nullable MeetingView> cancelPendingProperty() {
    return cancelPending;
  }

  public StringProperty joinCodeProperty() {
    return joinCode;
  }

  public StringProperty errorProperty() {
    return error;
  }

  /// What just happened, e.g. "Meeting cancelled."; empty when nothing.
  public StringProperty noticeProperty() {
    return notice;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  /// Whether I host `meeting` (and so may edit and cancel it).
  public boolean isMine(MeetingView meeting) {
    return me != null && me.equals(meeting.hostUserId());
  }

  /// The second line of a row: when (time alone for today, else date and time, in the locale's format), how soon
  /// ("in 5 min", "now", "started 3 min ago"), how long (planned end minus start) and who hosts.
  public String details(MeetingView meeting) {
    Instant now = clock.instant();
    List<String> parts = new ArrayList<>();
    Instant start = meeting.scheduledStart();
    if (start == null) {
      parts.add(Messages.get("meetings.instant"));
    } else {
      parts.add(dates.when(start, now));
      String relative = dates.relative(start, now);
      if (!relative.isEmpty()) {
        parts.add(relative);
      }
    }
    if ("live".equals(meeting.status()) && (start == null || dates.relative(start, now).isEmpty())) {
      parts.add(Messages.get("meetings.live"));
    }
    if (start != null && meeting.scheduledEnd() != null) {
      parts.add(Dates.duration(Duration.between(start, meeting.scheduledEnd()).toMinutes()));
    }
    if (meeting.recurrenceRule() != null && !meeting.recurrenceRule().isBlank()) {
      parts.add(Messages.get("meetings.recurring"));
    }
    parts.add(Messages.get(isMine(meeting) ? "meetings.host.you" : "meetings.host.invited"));
    return String.join("  \u00b7  ", parts);
  }

  /// Reloads my meetings off the FX thread; ended and cancelled ones are left out.
  public void refresh() {
    busy.set(true);
    error.set("");
    background.run(service::upcomingMeetings, list -> {
      busy.set(false);
      meetings.setAll(shown(list));
    }, this::fail);
  }

  /// Live meetings first, then instant ones, then by scheduled start; ended and cancelled ones left out.
  static List<MeetingView> shown(List<MeetingView> list) {
    return list.stream()
        .filter(meeting -> !"ended".equals(meeting.status()) && !"cancelled".equals(meeting.status()))
        .sorted(Comparator.comparing((MeetingView meeting) -> !"live".equals(meeting.status()))
            .thenComparing(MeetingView::scheduledStart, Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList();
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
      onJoin.accept(target(found, meeting));
    }, this::fail);
  }

  /// Joins the meeting selected in the list; no-op without a selection.
  public void joinSelected() {
    MeetingView meeting = selected.get();
    if (meeting != null) {
      join(meeting);
    }
  }

  /// Joins one meeting of the list (its row's Join button).
  public void join(MeetingView meeting) {
    onJoin.accept(target(meeting, meeting.id().toString()));
  }

  /// "New meeting": creates an instant meeting I host (`POST /api/v1/meetings` without a start) and joins it.
  public void newMeeting() {
    busy.set(true);
    error.set("");
    String title = myName == null || myName.isBlank() ? Messages.get("meetings.instant")
        : Messages.get("meetings.newTitle", myName);
    MeetingCreateRequest request = new MeetingCreateRequest(title, null, null, null, dates.zone().getId(),
        "instant", null, null, null, null, null, null, null, null, null, null);
    background.run(() -> service.createMeeting(request), created -> {
      busy.set(false);
      meetings.add(0, created);
      join(created);
    }, this::fail);
  }

  /// Cancel pressed on a row: asks first ([#cancelPendingProperty]).
  public void askCancel(MeetingView meeting) {
    if (isMine(meeting)) {
      cancelPending.set(meeting);
    }
  }

  /// The answer to [#askCancel]: `true` cancels the meeting (or whole series) for everyone, `false` keeps it.
  public void confirmCancel(boolean cancel) {
    MeetingView meeting = cancelPending.get();
    cancelPending.set(null);
    if (!cancel || meeting == null) {
      return;
    }
    busy.set(true);
    error.set("");
    background.run(() -> service.cancelMeeting(meeting.id()), cancelled -> {
      busy.set(false);
      meetings.removeIf(shown -> Objects.equals(shown.id(), meeting.id()));
      notice.set(Messages.get("meetings.cancelled", title(meeting)));
    }, this::fail);
  }

  /// A meeting was scheduled or changed on the schedule screen: shows it without waiting for a refresh.
  public void saved(MeetingView meeting) {
    meetings.removeIf(shown -> Objects.equals(shown.id(), meeting.id()));
    List<MeetingView> all = new ArrayList<>(meetings);
    all.add(meeting);
    meetings.setAll(shown(all));
    notice.set(Messages.get("meetings.saved", title(meeting)));
  }

  private static JoinTarget target(MeetingView meeting, String fallbackId) {
    return new JoinTarget(meeting.id() != null ? meeting.id().toString() : fallbackId, title(meeting));
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
