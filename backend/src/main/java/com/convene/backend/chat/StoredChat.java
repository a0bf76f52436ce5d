package com.convene.backend.chat;

import com.convene.model.signal.ChatEntry;
import java.time.Instant;
import java.util.UUID;

/// A chat message as stored in `chat_messages` and carried through Redis.
///
/// @param messageId           `chat_messages.message_id`, derived from meeting, sender and client message id
/// @param meetingId           the meeting
/// @param clientMessageId     the sender's id for it, 1–64 characters
/// @param senderParticipantId the sender's `meeting_participants.participant_id`
/// @param senderUserId        the sender's user id
/// @param senderName          display name at sending time, 1–200 characters
/// @param content             text, 1–4,000 characters
/// @param createdAt           `chat_messages.created_at`, microsecond precision
public record StoredChat(UUID messageId, UUID meetingId, String clientMessageId, UUID senderParticipantId,
                         UUID senderUserId, String senderName, String content, Instant createdAt) {

    /// The protocol view.
    public ChatEntry toEntry() {
        return new ChatEntry(messageId.toString(), clientMessageId, senderParticipantId.toString(),
                senderUserId.toString(), senderName, content, createdAt.toString());
    }

    /// The id a (meeting, sender, client message id) triple always maps to (RFC 4122 name-based, version 3), so a
    /// re-sent message hits the same primary key.
    static UUID messageIdFor(UUID meetingId, UUID senderUserId, String clientMessageId) {
        return UUID.nameUUIDFromBytes((meetingId + "/" + senderUserId + "/" + clientMessageId)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
