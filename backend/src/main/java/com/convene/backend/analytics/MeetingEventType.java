package com.convene.backend.analytics;

/// `meeting_events.event_type` values; stored as [#wireName()]. Only add, never rename.
public enum MeetingEventType {
    /// A participant joined (signaling `join` admitted).
    PARTICIPANT_JOINED("participant_joined"),
    /// A participant left, disconnected or was removed; `event_data.reason` says which.
    PARTICIPANT_LEFT("participant_left"),
    /// Microphone muted.
    AUDIO_MUTED("audio_muted"),
    /// Microphone unmuted.
    AUDIO_UNMUTED("audio_unmuted"),
    /// Camera turned off.
    VIDEO_OFF("video_off"),
    /// Camera turned on.
    VIDEO_ON("video_on"),
    /// Screen share started.
    SCREEN_SHARE_STARTED("screen_share_started"),
    /// Screen share stopped.
    SCREEN_SHARE_STOPPED("screen_share_stopped"),
    /// A chat message was sent; `event_data.message_id` names it.
    CHAT_MESSAGE("chat_message"),
    /// A host action (e.g. removing a participant, ending the meeting); `event_data.action` says which.
    HOST_ACTION("host_action"),
    /// A participant raised their hand.
    HAND_RAISED("hand_raised"),
    /// A participant lowered their hand.
    HAND_LOWERED("hand_lowered");

    private final String wireName;

    MeetingEventType(String wireName) {
        this.wireName = wireName;
    }

    /// The stored text, e.g. `participant_joined`.
    public String wireName() {
        return wireName;
    }
}
