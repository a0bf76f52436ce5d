package com.convene.desktop.ui.call;

import java.time.Instant;

/// One chat message as the panel shows it.
/// @param messageId  the server's message id (ChatEntry#messageId), unique per meeting
/// @param senderName the sender's display name
/// @param text       the message, 1–4,000 characters
/// @param sentAt     when the server stored it
/// @param own        whether we sent it (the panel marks it "You")
public record ChatLine(String messageId, String senderName, String text, Instant sentAt, boolean own) {}
