/// Meetings: scheduling, join codes and links, cancellation, and the participant log (`meeting_participants`,
/// seed 000) that the signaling layer writes through [com.convene.backend.meeting.ParticipantService].
///
/// Instants are stored as `TIMESTAMP WITH TIME ZONE` (UTC); the host's IANA zone is kept beside them for display.
@NullMarked
package com.convene.backend.meeting;

import org.jspecify.annotations.NullMarked;
