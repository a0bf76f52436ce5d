package com.convene.model.signal;

/// The room's rules as they stand now; sent after [Joined] and to everyone whenever they change.
/// @param locked             nobody new may join
/// @param chatAllowed        in-meeting chat is on (the meeting's `allow_chat`)
/// @param screenShareAllowed non-hosts may share a screen (the meeting's `allow_screen_share`)
public record RoomUpdated(boolean locked, boolean chatAllowed, boolean screenShareAllowed) implements Signal {
  /// Wire name.
  public static final String TYPE = "room-updated";
}
