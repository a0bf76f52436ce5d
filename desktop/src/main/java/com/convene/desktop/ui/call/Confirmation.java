package com.convene.desktop.ui.call;

/// A host action waiting for the user's "yes" (Remove from meeting, End for all, Mute all), as Zoom and Meet ask.
/// @param message      the question, e.g. "Remove Ada from the meeting?"
/// @param confirmLabel the label of the button that carries it out, e.g. "Remove"
/// @param action       what runs on "yes"; FX thread
public record Confirmation(String message, String confirmLabel, Runnable action) {}
