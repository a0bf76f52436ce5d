package com.convene.model.api;

import java.time.Instant;

/// `GET /api/v1/admin/health`: which backing store is down (admins only; `/health` tells anyone only UP/DOWN).
///
/// @param status    `UP` when every store is up; `DEGRADED` when Redis or Cassandra is down (running calls go on,
///                  some features fail with typed errors); `DOWN` when PostgreSQL is down
/// @param postgres  users, meetings, chat (joins and sign-in need it)
/// @param redis     live room state, sessions, presence, chat delivery, refresh tokens
/// @param cassandra analytics (events are buffered while it is down)
/// @param checkedAt when the checks ran
public record AdminHealthView(String status, StoreHealthView postgres, StoreHealthView redis,
        StoreHealthView cassandra, Instant checkedAt) {}
