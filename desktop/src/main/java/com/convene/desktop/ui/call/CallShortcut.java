package com.convene.desktop.ui.call;

import javafx.scene.input.KeyCombination;

/// The call window's keyboard shortcuts (`Shortcut` is Ctrl, or Cmd on macOS); each control's tooltip shows
/// its shortcut. The README lists them.
public enum CallShortcut {
  /// Microphone on or off.
  MICROPHONE("Shortcut+D"),
  /// Camera on or off.
  CAMERA("Shortcut+E"),
  /// Share the screen, or stop sharing.
  SHARE("Shortcut+Shift+S"),
  /// Raise or lower the hand.
  HAND("Shortcut+Shift+H"),
  /// Show or hide the chat panel.
  CHAT("Shortcut+Shift+C"),
  /// Show or hide the participants panel.
  PARTICIPANTS("Shortcut+Shift+P"),
  /// Switch between grid and speaker view.
  LAYOUT("Shortcut+Shift+L"),
  /// Start or stop recording (hosts).
  RECORD("Shortcut+Shift+R"),
  /// Leave the meeting.
  LEAVE("Shortcut+W");

  private final KeyCombination combination;

  CallShortcut(String combination) {
    this.combination = KeyCombination.keyCombination(combination);
  }

  public KeyCombination combination() {
    return combination;
  }

  /// The shortcut as this platform writes it, e.g. `Ctrl+D`.
  public String displayText() {
    return combination.getDisplayText();
  }
}
