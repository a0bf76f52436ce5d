/// RTP header parsing and validation (RFC 3550 §5.1, RFC 5761 §4 for RTP/RTCP mux).
@NullMarked
package com.convene.sfu.rtp;

import org.jspecify.annotations.NullMarked;
