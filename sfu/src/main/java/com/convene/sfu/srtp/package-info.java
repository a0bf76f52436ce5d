/// SRTP/SRTCP protection (RFC 3711, RFC 7714) on jitsi-srtp.
@NullMarked
package com.convene.sfu.srtp;

import org.jspecify.annotations.NullMarked;
