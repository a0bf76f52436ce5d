package com.convene.backend.audit;

import com.convene.backend.problem.FieldErrors;
import com.convene.backend.problem.ProblemException;
import com.convene.model.api.AuditEntryView;
import com.convene.model.api.Page;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/// Writes and reads the audit log.
///
/// Blocking JDBC: call from a blocking executor. Thread-safe.
@Singleton
public class AuditService {

    private final AuditRepository repository;

    AuditService(AuditRepository repository) {
        this.repository = repository;
    }

    /// Appends one administrative action.
    ///
    /// @param ipAddress client address literal; anything that is not a plain IP literal is stored as `null`
    public void record(UUID actorUserId, @Nullable String actorUsername, String action, @Nullable String targetType,
                       @Nullable String targetId, String method, String path, int status, @Nullable String ipAddress,
                       @Nullable String userAgent) {
        repository.append(actorUserId, actorUsername, action, targetType, truncate(targetId, 100), method,
                truncate(path, 2000), status, ipLiteral(ipAddress), userAgent);
    }

    /// Appends an event the system itself raised (no acting administrator), e.g. the sign-in alert
    /// `signin.attack` (docs/security.md).
    ///
    /// @param ipAddress the address that triggered it; anything that is not a plain IP literal is stored as `null`
    public void recordSystem(String action, @Nullable String targetType, @Nullable String targetId, String method,
                             String path, int status, @Nullable String ipAddress, @Nullable String userAgent) {
        repository.append(null, null, action, targetType, truncate(targetId, 100), method, truncate(path, 2000),
                status, ipLiteral(ipAddress), userAgent);
    }

    /// One page of the log, newest first.
    ///
    /// @param actor  only this administrator's actions, or `null`
    /// @param action only this action, or `null`
    /// @param cursor `nextCursor` of the previous page, or `null`
    /// @param limit  page size, 1–500
    /// @throws ProblemException `validation` for a bad cursor or limit
    public Page<AuditEntryView> list(@Nullable UUID actor, @Nullable String action, @Nullable String cursor,
                                     int limit) {
        FieldErrors errors = new FieldErrors();
        Long before = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                errors.add("cursor", "is not a cursor this API returned");
            }
        }
        if (limit < 1 || limit > 500) {
            errors.add("limit", "must be between 1 and 500");
        }
        errors.throwIfAny();
        List<AuditEntry> rows = repository.page(before, actor, action, limit + 1);
        boolean more = rows.size() > limit;
        List<AuditEntry> page = more ? rows.subList(0, limit) : rows;
        return new Page<>(page.stream().map(AuditService::toView).toList(),
                more ? Long.toString(page.getLast().auditId()) : null);
    }

    private static AuditEntryView toView(AuditEntry e) {
        return new AuditEntryView(e.auditId(), e.occurredAt(), e.actorUserId(), e.actorUsername(), e.action(),
                e.targetType(), e.targetId(), e.httpMethod(), e.path(), e.statusCode(), e.ipAddress(), e.userAgent());
    }

    private static @Nullable String ipLiteral(@Nullable String ip) {
        if (ip == null || ip.isBlank()) {
            return null;
        }
        String text = ip.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        if (!text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(text).getHostAddress();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable String truncate(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
