package com.convene.model.api;

import java.time.Instant;
import java.util.UUID;

/// One administrative action from the audit log: who, what, when, from where.
///
/// @param id            sequence number, increasing
/// @param occurredAt    when the action completed
/// @param actorUserId   the administrator
/// @param actorUsername the administrator's user name at the time
/// @param action        stable action name, e.g. `user.disable`, `meeting.cancel`
/// @param targetType    `user`, `meeting` or `null`
/// @param targetId      id of the target, or `null`
/// @param method        HTTP method
/// @param path          request path
/// @param status        HTTP status of the answer, 100–599
/// @param ipAddress     client address as the server saw it
/// @param userAgent     client's `User-Agent`, or `null`
public record AuditEntryView(long id, Instant occurredAt, UUID actorUserId, String actorUsername, String action,
                             String targetType, String targetId, String method, String path, int status,
                             String ipAddress, String userAgent) {
}
