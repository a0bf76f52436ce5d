/// Wiring of the SFU library (module `sfu`) into the Micronaut application: configuration and lifecycle.
/// The media path itself (ICE-lite, DTLS-SRTP, RTP/RTCP routing) lives in the `sfu` module; see
/// docs/decisions/001-sfu-module.md.
package com.convene.backend.sfu;
