/// STUN (RFC 8489) message codec and the ICE-lite responder (RFC 8445 §2.5, §7.3).
@NullMarked
package com.convene.sfu.ice;

import org.jspecify.annotations.NullMarked;
