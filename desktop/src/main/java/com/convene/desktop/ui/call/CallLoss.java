package com.convene.desktop.ui.call;

import com.convene.desktop.ui.Messages;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/// What the call window says while a call is lost (the server stopped or cannot be reached, media failed, the
/// resume was refused): "The call was lost. Reconnecting… (attempt n)" while the window joins again by itself,
/// then, if that does not succeed, why it was lost with a button to try again. The window never goes back to the
/// meetings list by itself after a loss (issue 16, item 11). FX thread only.
public final class CallLoss {
  private final ReadOnlyBooleanWrapper lost = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper retrying = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

  /// Whether the call is lost (joining again, or given up); the view covers the stage with the message.
  public ReadOnlyBooleanProperty lostProperty() {
    return lost.getReadOnlyProperty();
  }

  /// Whether the window is joining again by itself now (`false` once it gave up: then "Join again" shows).
  public ReadOnlyBooleanProperty retryingProperty() {
    return retrying.getReadOnlyProperty();
  }

  /// What to tell the user, empty while the call is not lost.
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /// Joining again by itself; `attempt` counts from 1.
  void retrying(int attempt) {
    lost.set(true);
    retrying.set(true);
    message.set(Messages.get("call.lost.retrying", attempt));
  }

  /// Gave up joining again by itself; `why` says what was lost, safe to show.
  void gaveUp(String why) {
    lost.set(true);
    retrying.set(false);
    message.set(Messages.get("call.lost.final", why));
  }

  /// In the call again, or left.
  void clear() {
    lost.set(false);
    retrying.set(false);
    message.set("");
  }
}
