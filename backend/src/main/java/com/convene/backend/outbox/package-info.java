/// The durable outbox of PostgreSQL writes that must not be lost when PostgreSQL is down or hung: a participant's
/// leave, a meeting's end. A write is journalled on local disk (Square's Tape `QueueFile`, one fsync per change) and
/// applied in order by one background thread, retried until PostgreSQL takes it, also after a crash of the node
/// (docs/decisions/089-postgresql-outbox.md).
@NullMarked
package com.convene.backend.outbox;

import org.jspecify.annotations.NullMarked;
