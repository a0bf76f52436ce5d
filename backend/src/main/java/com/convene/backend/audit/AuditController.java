package com.convene.backend.audit;

import com.convene.model.api.AuditEntryView;
import com.convene.model.api.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;

/// `GET /api/v1/audit`: the audit log, newest first, administrators only.
@Controller("/api/v1/audit")
@Secured("admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "audit")
class AuditController {

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    /// One page of administrative actions, newest first.
    ///
    /// @param actor  only this administrator's actions
    /// @param action only this action, e.g. `user.disable`
    /// @param cursor `nextCursor` of the previous page
    /// @param limit  page size, 1–500 (default 50)
    @Operation(summary = "Page through the audit log (admin)")
    @Get
    Page<AuditEntryView> list(@QueryValue @Nullable UUID actor, @QueryValue @Nullable String action,
                              @QueryValue @Nullable String cursor, @QueryValue(defaultValue = "50") int limit) {
        return audit.list(actor, action, cursor, limit);
    }
}
