/// SDP parsing (RFC 8866) and the SFU's offers and answers (RFC 8829 JSEP, RFC 8843 BUNDLE, RFC 5763 setup).
@NullMarked
package com.convene.sfu.sdp;

import org.jspecify.annotations.NullMarked;
