/// Data retention (seed 000 "Data Retention Policies"): a scheduled job removes recordings past their
/// `expires_at` together with their stored files, then deletes ended meetings older than 7 years and chat
/// messages older than 1 year from PostgreSQL. Redis keys and Cassandra rows need no job: they expire by their
/// TTLs (seed 000 "Redis Expiration", "Cassandra TTL").
@NullMarked
package com.convene.backend.retention;

import org.jspecify.annotations.NullMarked;
