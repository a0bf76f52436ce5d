/// RTCP validation, PLI/FIR parsing and PLI generation (RFC 3550 §6, RFC 4585 §6.3.1, RFC 5104 §4.3.1).
@NullMarked
package com.convene.sfu.rtcp;

import org.jspecify.annotations.NullMarked;
