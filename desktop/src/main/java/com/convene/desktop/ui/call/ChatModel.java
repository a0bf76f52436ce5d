package com.convene.desktop.ui.call;

import com.convene.desktop.call.CallControls;
import com.convene.model.signal.ChatEntry;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/// The call's chat panel: the lines, the draft, whether the panel is open, and how many messages arrived
/// while it was closed. FX thread only.
public final class ChatModel {
  /// Longest message the server takes, in characters.
  static final int MAX_LENGTH = 4_000;

  private final ObservableList<String> lines = FXCollections.observableArrayList();
  private final StringProperty draft = new SimpleStringProperty("");
  private final BooleanProperty open = new SimpleBooleanProperty(true);
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

  /// The text being typed into the chat input.
  public StringProperty draftProperty() {
    return draft;
  }

  /// Whether the chat panel is shown; opening it clears [#unreadProperty()].
  public BooleanProperty openProperty() {
    return open;
  }

  /// Messages from others that arrived while the panel was closed, 0 or more; the badge shows it.
  public IntegerProperty unreadProperty() {
    return unread;
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

  /// Adds an arrived message; counts it as unread when the panel is closed and someone else sent it.
  void received(ChatEntry message, @Nullable String ownParticipantId) {
    lines.add(message.senderName() + ": " + message.content());
    if (!open.get() && !message.senderParticipantId().equals(ownParticipantId)) {
      unread.set(unread.get() + 1);
    }
  }
}
