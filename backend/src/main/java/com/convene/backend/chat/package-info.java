/// In-meeting chat (seed 000 `chat_messages`, `chat:{meeting_id}`; delivery as seed 004's live comments):
/// "stored means delivered". A message is stored in PostgreSQL first ([ChatStore], off the signaling thread,
/// within `store-deadline`), acknowledged to its sender on commit, and published from PostgreSQL (`published`
/// flag) to the meeting's Redis Stream `chat_stream:{meeting_id}` and recent-history list `chat:{meeting_id}` by
/// [ChatPublisher], now or once Redis answers again. Every backend node reads the streams of its live rooms
/// through its own consumer group ([ChatStreamReader]) and hands each `message_id` once to the room's sockets.
///
/// A re-sent `clientMessageId` maps to the same `message_id`, so retries never duplicate rows or deliveries
/// (docs/decisions/024-chat-postgresql-first-then-stream.md).
@NullMarked
package com.convene.backend.chat;

import org.jspecify.annotations.NullMarked;
