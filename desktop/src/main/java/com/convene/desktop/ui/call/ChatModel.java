package com.convene.desktop.ui.call;

import com.convene.desktop.call.CallControls;
import com.convene.model.signal.ChatEntry;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/// The call's chat panel: the messages, the draft, whether the panel is open (closed at first, as in Zoom and
/// Meet), and how many messages from others arrived while it was closed. FX thread only.
///
/// Messages are kept once per [ChatEntry#messageId()]: the history the server replays after a rejoin or a resume
/// (docs/decisions/080-signaling-resume.md) adds nothing and counts nothing as unread. History sent before we first
/// joined (more than [#HISTORY_SKEW_MILLIS] before, by our clock) is shown but not counted as unread either.
public final class ChatModel {
  /// Longest message the server takes, in characters.
  static final int MAX_LENGTH = 4_000;

  /// Clock difference tolerated between the server's `sentAt` and our join time, ms.
  static final long HISTORY_SKEW_MILLIS = 2_000;

  private @Nullable Instant joinedAt;
  private final ObservableList<String> lines = FXCollections.observableArrayList();
  private final ObservableList<ChatLine> messages = FXCollections.observableArrayList();
  private final Set<String> seen = new HashSet<>();
  private final StringProperty draft = new SimpleStringProperty("");
  private final BooleanProperty open = new SimpleBooleanProperty(false);
  private final IntegerProperty unread = new SimpleIntegerProperty();

  ChatModel() {
    open.addListener((obs, was, isOpen) -> {
      if (isOpen) {
        unread.set(0);
      }
    });
  }

  /// Chat lines, `Name: text`, oldest first.
  public ObservableList<String> lines() {
    return lines;
  }

  /// The messages with sender, time and whether they are ours, oldest first (what the panel shows).
  public ObservableList<ChatLine> messages() {
    return messages;
  }

  /// The text being typed into the chat input.
  public StringProperty draftProperty() {
    return draft;
  }

  /// Whether the chat panel is shown (`false` at first); opening it clears [#unreadProperty()].
  public BooleanProperty openProperty() {
    return open;
  }

  /// Messages from others that arrived while the panel was closed, 0 or more; the badge shows it.
  public IntegerProperty unreadProperty() {
    return unread;
  }

  /// Marks when we first joined this call window (later rejoins keep the first time): older messages are history.
  void joined(Instant at) {
    if (joinedAt == null) {
      joinedAt = at;
    }
  }

  /// Sends the draft (trimmed, cut to 4,000 characters) and clears it; does nothing when blank.
  void send(@Nullable CallControls controls) {
    String text = draft.get() == null ? "" : draft.get().strip();
    if (text.isEmpty() || controls == null) {
      return;
    }
    controls.sendChat(text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text);
    draft.set("");
  }

  /// Adds an arrived message once per message id; counts it as unread when the panel is closed, someone else
  /// sent it, and it is new (not history replayed after a rejoin).
  /// @param ownParticipantId our participant id in this call, or null before it is known
  /// @param ownUserId        our user id (the same over rejoins, unlike the participant id), or null
  void received(ChatEntry message, @Nullable String ownParticipantId, @Nullable String ownUserId) {
    if (!seen.add(message.messageId())) {
      return;
    }
    boolean own = message.senderParticipantId().equals(ownParticipantId) || message.senderUserId().equals(ownUserId);
    lines.add(message.senderName() + ": " + message.content());
    messages.add(new ChatLine(message.messageId(), message.senderName(), message.content(),
        Instant.parse(message.sentAt()), own));
    boolean history = joinedAt != null
        && Instant.parse(message.sentAt()).isBefore(joinedAt.minusMillis(HISTORY_SKEW_MILLIS));
    if (!open.get() && !own && !history) {
      unread.set(unread.get() + 1);
    }
  }
}
