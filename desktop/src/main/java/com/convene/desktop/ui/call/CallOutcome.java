package com.convene.desktop.ui.call;

/// How a call window ended, for the screen that comes next.
/// @param message what to tell the user, e.g. "You left the meeting."
/// @param problem whether it ended against the user's wish (removed, ended by the host, lost, refused), to be shown
///                as an error; `false` for leaving by choice, which is no error
public record CallOutcome(String message, boolean problem) {}
