package com.convene.backend.chat;

/// Receives a meeting's chat messages from [ChatStreamReader]. Called on the reader's thread: hand work off and
/// return quickly, never throw.
@FunctionalInterface
public interface ChatListener {

    /// One message read from the meeting's stream, once per `message_id`. Its sender was answered by
    /// [ChatService#send] already (the acknowledgement), so it is for everyone else.
    void onChat(StoredChat chat);
}
