/// Token-bucket rate limits shared by every backend node through Redis (docs/decisions/093-rate-limits.md): chat,
/// reactions, raised hands, waiting-room knocks and meeting-password attempts. A bucket check never waits longer
/// than the shared Redis connection's command deadline and never throws: when Redis is down, slow or behind its
/// open breaker, the same limits hold per node in memory until it answers again.
@NullMarked
package com.convene.backend.ratelimit;

import org.jspecify.annotations.NullMarked;
