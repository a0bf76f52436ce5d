/// Rooms, peer transports and the publisher-to-subscriber forwarding table. Owned by the socket event loop.
@NullMarked
package com.convene.sfu.routing;

import org.jspecify.annotations.NullMarked;
