/// The meeting lifecycle (docs/decisions/042-meeting-lifecycle-and-reaper.md): a live meeting ends when its last
/// participant has left and a grace period has passed; a reaper repairs what a crash or an outage left behind
/// (participant rows without `left_at`, meetings `live` with nobody in them, stale Redis `session:` and
/// `meeting_room:` keys). A Redis lease, `room_lease:{meeting_id}`, names the node that holds a meeting's live
/// room; only a meeting no node holds is repaired.
@NullMarked
package com.convene.backend.lifecycle;

import org.jspecify.annotations.NullMarked;
