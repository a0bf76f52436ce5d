/// Operations: the admin-only detailed health of the backing stores (`GET /api/v1/admin/health`), the public
/// `/health` status of Redis, who may read the management endpoints (`/prometheus`: admins and the configured
/// scrape token), and the Redis client options that make commands fail fast while Redis is unreachable
/// (docs/decisions/060-operations-metrics.md, 061-redis-outage.md).
@NullMarked
package com.convene.backend.ops;

import org.jspecify.annotations.NullMarked;
