package com.convene.desktop.ui.meetings;

/// A meeting the user chose to join.
/// @param meeting meeting id (UUID) or join code, as `JoinRequest.meeting`
/// @param title   title to show while connecting
public record JoinTarget(String meeting, String title) {}
