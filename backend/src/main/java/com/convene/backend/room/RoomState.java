package com.convene.backend.room;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// The JSON value of `meeting_room:{meeting_id}`, shaped as in seed 000:
/// `{"active_participants":[...],"participant_count":3,"is_recording":true,"screen_sharing_user":"user2",
/// "chat_enabled":true,"waiting_room_users":[...],"breakout_rooms":{...}}`.
///
/// Immutable; the `with*` methods return changed copies.
///
/// @param activeParticipants participant keys (user ids, or participant ids for guests) in join order, no duplicates
/// @param participantCount   size of `activeParticipants`, 0–
/// @param isRecording        whether recording runs
/// @param screenSharingUser  key of the one participant sharing a screen, or `null`
/// @param chatEnabled        whether chat is on (from the meeting's `allow_chat`)
/// @param waitingRoomUsers   keys waiting for admission
/// @param breakoutRooms      breakout room name to the keys in it
public record RoomState(
        @JsonProperty("active_participants") List<String> activeParticipants,
        @JsonProperty("participant_count") int participantCount,
        @JsonProperty("is_recording") boolean isRecording,
        @JsonProperty("screen_sharing_user") @Nullable String screenSharingUser,
        @JsonProperty("chat_enabled") boolean chatEnabled,
        @JsonProperty("waiting_room_users") List<String> waitingRoomUsers,
        @JsonProperty("breakout_rooms") Map<String, List<String>> breakoutRooms) {

    public RoomState {
        activeParticipants = activeParticipants == null ? List.of() : List.copyOf(activeParticipants);
        waitingRoomUsers = waitingRoomUsers == null ? List.of() : List.copyOf(waitingRoomUsers);
        breakoutRooms = breakoutRooms == null ? Map.of() : Map.copyOf(breakoutRooms);
    }

    /// An empty room.
    public static RoomState empty(boolean chatEnabled, boolean recording) {
        return new RoomState(List.of(), 0, recording, null, chatEnabled, List.of(), Map.of());
    }

    RoomState withParticipant(String key) {
        if (activeParticipants.contains(key)) {
            return this;
        }
        List<String> active = new ArrayList<>(activeParticipants);
        active.add(key);
        List<String> waiting = new ArrayList<>(waitingRoomUsers);
        waiting.remove(key);
        return new RoomState(active, active.size(), isRecording, screenSharingUser, chatEnabled, waiting, breakoutRooms);
    }

    RoomState withoutParticipant(String key) {
        List<String> active = new ArrayList<>(activeParticipants);
        active.remove(key);
        List<String> waiting = new ArrayList<>(waitingRoomUsers);
        waiting.remove(key);
        Map<String, List<String>> breakout = new LinkedHashMap<>();
        breakoutRooms.forEach((name, keys) -> breakout.put(name, keys.stream().filter(k -> !k.equals(key)).toList()));
        String sharing = Objects.equals(screenSharingUser, key) ? null : screenSharingUser;
        return new RoomState(active, active.size(), isRecording, sharing, chatEnabled, waiting, breakout);
    }

    RoomState withScreenSharingUser(@Nullable String key) {
        return new RoomState(activeParticipants, participantCount, isRecording, key, chatEnabled, waitingRoomUsers,
                breakoutRooms);
    }

    RoomState withRecording(boolean recording) {
        return new RoomState(activeParticipants, participantCount, recording, screenSharingUser, chatEnabled,
                waitingRoomUsers, breakoutRooms);
    }

    RoomState withoutWaiting(String key) {
        List<String> waiting = new ArrayList<>(waitingRoomUsers);
        waiting.remove(key);
        return new RoomState(activeParticipants, participantCount, isRecording, screenSharingUser, chatEnabled,
                waiting, breakoutRooms);
    }

    RoomState withWaiting(String key) {
        if (waitingRoomUsers.contains(key) || activeParticipants.contains(key)) {
            return this;
        }
        List<String> waiting = new ArrayList<>(waitingRoomUsers);
        waiting.add(key);
        return new RoomState(activeParticipants, participantCount, isRecording, screenSharingUser, chatEnabled,
                waiting, breakoutRooms);
    }
}
