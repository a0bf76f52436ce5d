package com.convene.desktop.ui.prejoin;

import com.convene.desktop.ui.meetings.JoinTarget;

/// What the person settled on the pre-join screen.
/// @param target      the meeting to join
/// @param displayName the name others see, 1–200 characters
/// @param micMuted    join with the microphone muted
/// @param cameraOff   join with the camera off
public record PreJoinChoice(JoinTarget target, String displayName, boolean micMuted, boolean cameraOff) {
  public PreJoinChoice {
    if (displayName.isBlank() || displayName.length() > 200) {
      throw new IllegalArgumentException("display name must have 1-200 characters");
    }
  }
}
