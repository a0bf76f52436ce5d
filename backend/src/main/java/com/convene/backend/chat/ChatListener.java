package com.convene.backend.chat;

/// Receives a meeting's chat messages from [ChatStreamReader]. Called on the reader's thread: hand work off and
/// return quickly, never throw.
@FunctionalInterface
public interface ChatListener {

    /// One message read from the meeting's stream (also the sender's acknowledgement).
    void onChat(StoredChat chat);
}
