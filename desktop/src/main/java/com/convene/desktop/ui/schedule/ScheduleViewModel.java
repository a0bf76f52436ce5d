package com.convene.desktop.ui.schedule;

import com.convene.desktop.call.CallException;
import com.convene.desktop.ui.Background;
import com.convene.desktop.ui.Messages;
import com.convene.model.api.MeetingCreateRequest;
import com.convene.model.api.MeetingUpdateRequest;
import com.convene.model.api.MeetingView;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// State of the schedule form: title, day, start time (the locale's short time format, or `HH:mm`), length in
/// minutes, repeat ([Recurrence] with a number of occurrences), invitees (e-mail addresses separated by commas,
/// semicolons or spaces), an optional meeting password (4–128 characters) and the waiting room. For a new
/// meeting [#save] sends `POST /api/v1/meetings` then one invitation per address; for a meeting I host it sends
/// `PATCH` with the changed form (a blank password keeps the one set) and invites the addresses added. The
/// backend checks everything again; its problem detail lands in [#errorProperty]. FX thread only.
public final class ScheduleViewModel {
  /// Lengths offered, minutes.
  public static final List<Integer> LENGTHS = List.of(15, 30, 45, 60, 90, 120);
  /// Occurrences of a series when none is given.
  public static final int DEFAULT_COUNT = 10;
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleViewModel.class);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final StringProperty title = new SimpleStringProperty("");
  private final ObjectProperty<@Nullable LocalDate> day = new SimpleObjectProperty<>();
  private final StringProperty startTime = new SimpleStringProperty("");
  private final ObjectProperty<Integer> lengthMinutes = new SimpleObjectProperty<>(30);
  private final ObjectProperty<Recurrence> recurrence = new SimpleObjectProperty<>(Recurrence.NONE);
  private final IntegerProperty count = new SimpleIntegerProperty(DEFAULT_COUNT);
  private final StringProperty invitees = new SimpleStringProperty("");
  private final BooleanProperty requirePassword = new SimpleBooleanProperty();
  private final StringProperty password = new SimpleStringProperty("");
  private final BooleanProperty waitingRoom = new SimpleBooleanProperty(true);
  private final StringProperty error = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final ScheduleService service;
  private final Background background;
  private final Consumer<MeetingView> onSaved;
  private final ZoneId zone;
  private final Locale locale;
  private final @Nullable MeetingView editing;
  /// The repeat rule of the meeting being edited when the form cannot show it (kept as it is).
  private final @Nullable String keptRule;

  /// @param editing the meeting to change, or null for a new one
  /// @param now     the form's defaults: the next half hour today
  /// @param onSaved receives the meeting as the server answered it
  public ScheduleViewModel(ScheduleService service, Background background, @Nullable MeetingView editing,
      Instant now, ZoneId zone, Locale locale, Consumer<MeetingView> onSaved) {
    this.service = service;
    this.background = background;
    this.editing = editing;
    this.zone = zone;
    this.locale = locale;
    this.onSaved = onSaved;
    if (editing == null) {
      ZonedDateTime next = now.atZone(zone).plusMinutes(30);
      next = next.withMinute(next.getMinute() < 30 ? 0 : 30).withSecond(0).withNano(0);
      day.set(next.toLocalDate());
      startTime.set(timeFormat().format(next.toLocalTime()));
      keptRule = null;
    } else {
      title.set(editing.title() == null ? "" : editing.title());
      Instant start = editing.scheduledStart() == null ? now : editing.scheduledStart();
      ZonedDateTime local = start.atZone(zone);
      day.set(local.toLocalDate());
      startTime.set(timeFormat().format(local.toLocalTime()));
      if (editing.scheduledStart() != null && editing.scheduledEnd() != null) {
        lengthMinutes.set((int) Duration.between(editing.scheduledStart(), editing.scheduledEnd()).toMinutes());
      }
      Recurrence shown = Recurrence.of(editing.recurrenceRule());
      recurrence.set(shown == null ? Recurrence.NONE : shown);
      keptRule = shown == null ? editing.recurrenceRule() : null;
      count.set(Recurrence.count(editing.recurrenceRule(), DEFAULT_COUNT));
      requirePassword.set(editing.requirePassword());
      waitingRoom.set(editing.waitingRoomEnabled());
    }
  }

  /// The date and time formats of the form's locale.
  public com.convene.desktop.ui.Dates dates() {
    return new com.convene.desktop.ui.Dates(zone, locale);
  }

  /// Whether the form changes an existing meeting.
  public boolean isEditing() {
    return editing != null;
  }

  public StringProperty titleProperty() {
    return title;
  }

  public ObjectProperty<@Nullable LocalDate> dayProperty() {
    return day;
  }

  /// Start time as typed, in the locale's short format (e.g. `2:30 PM` or `14:30`); `HH:mm` is always accepted.
  public StringProperty startTimeProperty() {
    return startTime;
  }

  /// Length in minutes, 5–1,440.
  public ObjectProperty<Integer> lengthMinutesProperty() {
    return lengthMinutes;
  }

  public ObjectProperty<Recurrence> recurrenceProperty() {
    return recurrence;
  }

  /// Occurrences of a series, 2–400.
  public IntegerProperty countProperty() {
    return count;
  }

  public StringProperty inviteesProperty() {
    return invitees;
  }

  public BooleanProperty requirePasswordProperty() {
    return requirePassword;
  }

  /// The meeting password to set; never logged. Blank while editing keeps the one set.
  public StringProperty passwordProperty() {
    return password;
  }

  public BooleanProperty waitingRoomProperty() {
    return waitingRoom;
  }

  public StringProperty errorProperty() {
    return error;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  /// The typed invitees as addresses, in order, without repeats.
  public List<String> inviteeAddresses() {
    List<String> result = new ArrayList<>();
    for (String part : invitees.get().split("[,;\\s]+")) {
      String address = part.strip();
      if (!address.isEmpty() && !result.contains(address)) {
        result.add(address);
      }
    }
    return result;
  }

  /// Checks the form, then creates or changes the meeting and sends the invitations off the FX thread.
  public void save() {
    if (busy.get()) {
      return;
    }
    String problem = check();
    if (problem != null) {
      error.set(problem);
      return;
    }
    Instant start = ZonedDateTime.of(day.get(), parseTime(startTime.get()), zone).toInstant();
    Instant end = start.plus(Duration.ofMinutes(lengthMinutes.get()));
    String rule = recurrence.get().rule(count.get());
    String secret = requirePassword.get() && !password.get().isEmpty() ? password.get() : null;
    List<String> addresses = inviteeAddresses();
    busy.set(true);
    error.set("");
    MeetingView current = editing;
    background.run(() -> {
      MeetingView saved;
      if (current == null) {
        saved = service.create(new MeetingCreateRequest(title.get().strip(), null, start, end, zone.getId(),
            rule == null ? "scheduled" : "recurring", null, requirePassword.get(), secret, waitingRoom.get(), null,
            null, null, null, null, null, rule));
      } else {
        String newRule = keptRule != null && recurrence.get() == Recurrence.NONE ? null : rule == null ? "" : rule;
        saved = service.update(current.id(), new MeetingUpdateRequest(title.get().strip(), null, start, end,
            zone.getId(), null, requirePassword.get(), secret, waitingRoom.get(), null, null, null, null, null,
            null, newRule));
      }
      for (String address : addresses) {
        service.invite(saved.id(), address);
      }
      return saved;
    }, saved -> {
      busy.set(false);
      password.set("");
      LOG.info("Meeting {} {} with {} invitations", saved.id(), current == null ? "scheduled" : "changed",
          addresses.size());
      onSaved.accept(saved);
    }, failure -> {
      busy.set(false);
      if (failure instanceof CallException e) {
        error.set(Messages.describe(e));
      } else {
        LOG.error("Scheduling failed unexpectedly", failure);
        error.set(Messages.get("error.generic"));
      }
    });
  }

  /// The first thing wrong with the form, in words to show, or null.
  private @Nullable String check() {
    if (title.get().isBlank() || title.get().strip().length() > 500) {
      return Messages.get("schedule.error.title");
    }
    if (day.get() == null || parseTimeOrNull(startTime.get()) == null) {
      return Messages.get("schedule.error.time");
    }
    Integer length = lengthMinutes.get();
    if (length == null || length < 5 || length > 1440) {
      return Messages.get("schedule.error.length");
    }
    if (recurrence.get() != Recurrence.NONE && (count.get() < 2 || count.get() > 400)) {
      return Messages.get("schedule.error.count");
    }
    boolean needsPassword = requirePassword.get() && (editing == null || !editing.requirePassword());
    if (needsPassword || (requirePassword.get() && !password.get().isEmpty())) {
      if (password.get().length() < 4 || password.get().length() > 128) {
        return Messages.get("schedule.error.password");
      }
    }
    for (String address : inviteeAddresses()) {
      if (!EMAIL.matcher(address).matches()) {
        return Messages.get("schedule.error.invitee", address);
      }
    }
    return null;
  }

  private DateTimeFormatter timeFormat() {
    return new com.convene.desktop.ui.Dates(zone, locale).timeFormatter();
  }

  private LocalTime parseTime(String text) {
    LocalTime time = parseTimeOrNull(text);
    if (time == null) {
      throw new IllegalStateException("checked before");
    }
    return time;
  }

  private @Nullable LocalTime parseTimeOrNull(String text) {
    String typed = text.strip();
    try {
      // the locale's short time puts a narrow no-break space before AM/PM (CLDR 42+); people type a space
      return LocalTime.parse(typed.replace(' ', '\u202f'), timeFormat());
    } catch (DateTimeParseException notLocalized) {
      try {
        return LocalTime.parse(typed, DateTimeFormatter.ofPattern("H:mm", Locale.ROOT));
      } catch (DateTimeParseException notPlain) {
        return null;
      }
    }
  }
}
