package com.convene.sfu;

/// Why the media path dropped a datagram. Each reason has a counter in [SfuStats]. Codes are stable; only add.
public enum DropReason {
    /// First byte outside every RFC 7983 range.
    UNKNOWN_PROTOCOL,
    /// Non-STUN datagram from an address no valid ICE check has bound.
    UNKNOWN_SOURCE,
    /// STUN header or attributes malformed (RFC 8489 §5, §14).
    MALFORMED_STUN,
    /// STUN message other than a Binding request, or missing USERNAME/MESSAGE-INTEGRITY.
    UNSUPPORTED_STUN,
    /// USERNAME does not name a local transport.
    UNKNOWN_USERNAME,
    /// MESSAGE-INTEGRITY does not verify (RFC 8489 §14.5).
    BAD_MESSAGE_INTEGRITY,
    /// FINGERPRINT does not verify (RFC 8489 §14.7).
    BAD_FINGERPRINT,
    /// DTLS record header malformed (RFC 6347 §4.1).
    MALFORMED_DTLS,
    /// DTLS handshake queue full.
    DTLS_QUEUE_FULL,
    /// RTP header malformed (RFC 3550 §5.1).
    MALFORMED_RTP,
    /// RTCP packet malformed (RFC 3550 §6.4).
    MALFORMED_RTCP,
    /// SRTP/SRTCP arrived before DTLS finished.
    SRTP_NOT_READY,
    /// SRTP or SRTCP authentication failed.
    SRTP_AUTH_FAILED,
    /// SRTP or SRTCP replayed or too old.
    SRTP_REPLAY,
    /// Any other SRTP failure.
    SRTP_FAILED,
    /// RTP with an SSRC not announced in the publisher's SDP.
    UNKNOWN_SSRC,
    /// Payload type not negotiated.
    UNKNOWN_PAYLOAD_TYPE,
    /// A PLI or FIR suppressed by the throttle.
    PLI_THROTTLED,
    /// Sending a datagram failed.
    SEND_FAILED,
    /// RTP of a track its participant is muted on (by a host or itself): received, not forwarded or recorded.
    TRACK_MUTED
}
