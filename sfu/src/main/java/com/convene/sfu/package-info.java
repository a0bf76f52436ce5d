/// Convene selective forwarding unit: the public API the signaling layer calls (rooms, participants, SDP offer/answer).
///
/// Media flows one way (STYLE.md §4): UDP in, RFC 7983 demux, ICE-lite (RFC 8445 §2.5), DTLS-SRTP (RFC 5764),
/// SRTP (RFC 3711), routing publisher to subscribers, SRTP out.
@NullMarked
package com.convene.sfu;

import org.jspecify.annotations.NullMarked;
