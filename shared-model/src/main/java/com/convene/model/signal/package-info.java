/// Convene signaling protocol, defined once and shared by the backend and the desktop app.
///
/// Every message is a record implementing the sealed interface [com.convene.model.signal.Signal] and travels
/// as one JSON text frame over the authenticated WebSocket `/ws/signaling`, with its wire name in the `type`
/// property. The first client message is [com.convene.model.signal.Hello] carrying
/// [com.convene.model.signal.Hello#PROTOCOL_VERSION]. SDP bodies follow RFC 8866 and the offer/answer model of
/// RFC 3264; each client has a publish and a subscribe PeerConnection (see docs/decisions/002-two-peer-connections.md).
/// Changes only add: a rename is a new message.
package com.convene.model.signal;
