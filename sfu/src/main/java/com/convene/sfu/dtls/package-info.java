/// DTLS 1.2 server (RFC 6347) with the use_srtp extension (RFC 5764) on BouncyCastle bctls.
@NullMarked
package com.convene.sfu.dtls;

import org.jspecify.annotations.NullMarked;
