/// The single UDP socket, its event loop and the RFC 7983 §7 first-byte demultiplexer.
@NullMarked
package com.convene.sfu.transport;

import org.jspecify.annotations.NullMarked;
