package com.convene.backend.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/// A row of `audit_log`; `ipAddress` is read as text (`host(ip_address)`); `actorUserId` is null for the
/// system's own events (the sign-in alert, V46).
@MappedEntity("audit_log")
record AuditEntry(
        @Id long auditId,
        Instant occurredAt,
        @Nullable UUID actorUserId,
        @Nullable String actorUsername,
        String action,
        @Nullable String targetType,
        @Nullable String targetId,
        String httpMethod,
        String path,
        int statusCode,
        @Nullable String ipAddress,
        @Nullable String userAgent) {
}
