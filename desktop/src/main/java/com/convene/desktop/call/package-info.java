/// The call: REST sign-in and meeting look-up, the signaling client, and the webrtc-java adapter that runs a
/// publish and a subscribe PeerConnection against the Convene SFU (ICE-lite, no trickle: SDP carries the
/// candidates; offer/answer per RFC 3264 and RFC 8829).
///
/// [com.convene.desktop.call.CallSession] confines its state to one session thread; webrtc-java callbacks
/// reach the FX thread only through [com.convene.desktop.call.FxCallAdapter].
@NullMarked
package com.convene.desktop.call;

import org.jspecify.annotations.NullMarked;
