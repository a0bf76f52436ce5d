package com.convene.backend.ops;

import com.convene.model.api.AdminHealthView;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/// `GET /api/v1/admin/health`: each backing store UP, DOWN or DISABLED with a detail, and the overall status
/// (`UP`, `DEGRADED` when Redis or Cassandra is down, `DOWN` when PostgreSQL is). Admins only; always 200 when
/// the check ran, so a monitor reads the body. The public `/health` keeps answering UP/DOWN without details.
@Controller("/api/v1/admin/health")
@Secured("admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "operations")
final class AdminHealthController {

    private final StoreHealthService stores;

    AdminHealthController(StoreHealthService stores) {
        this.stores = stores;
    }

    /// Checks PostgreSQL, Redis and Cassandra now (a few seconds at most when one hangs).
    @Operation(summary = "Which backing store is down (admin)")
    @Get
    AdminHealthView storeHealth() {
        return stores.check();
    }
}
