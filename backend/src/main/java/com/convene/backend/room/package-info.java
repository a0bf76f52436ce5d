/// Live room state in Redis (seed 000 "Redis Schema"): `meeting_room:{meeting_id}` (EX 14400 s) and
/// `session:{session_id}` (EX 7200 s), each one JSON document in a plain string key.
///
/// Updates are read-modify-write with an atomic compare-and-set Lua script, so concurrent joins from several
/// threads or backend instances never lose an update.
@NullMarked
package com.convene.backend.room;

import org.jspecify.annotations.NullMarked;
