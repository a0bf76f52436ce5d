/// Signaling: the authenticated WebSocket `/ws/signaling`, one state machine per connection, and the live rooms
/// that connect meetings (PostgreSQL rows, Redis room state per seed 000) to the SFU. Protocol: the sealed
/// `com.convene.model.signal.Signal` records in `shared-model`; SDP offer/answer per RFC 3264.
package com.convene.backend.signaling;
