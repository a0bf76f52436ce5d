/// In-meeting chat (seed 000 `chat_messages`, `chat:{meeting_id}`; delivery as seed 004's live comments): a
/// message is stored in PostgreSQL first, then appended to the meeting's Redis Stream `chat_stream:{meeting_id}`
/// and to the recent-history list `chat:{meeting_id}` (LPUSH, LTRIM 0 99, 24 h). Every backend node reads the
/// streams of its live rooms through its own consumer group and hands each message to the room's sockets.
///
/// Storing first means a message a client has seen delivered (its acknowledgement included) is durable; a
/// re-sent `clientMessageId` maps to the same `message_id`, so retries never duplicate rows
/// (docs/decisions/024-chat-postgresql-first-then-stream.md).
@NullMarked
package com.convene.backend.chat;

import org.jspecify.annotations.NullMarked;
