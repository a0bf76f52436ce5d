package com.convene.sfu;

/// An SDP offer or answer the SFU cannot accept, with a stable [Reason] code the signaling layer maps to
/// `SDP_REJECTED`.
public final class SdpException extends SfuException {

    /// Why the SDP was rejected. Codes are stable; only add.
    public enum Reason {
        /// Not parseable as SDP (RFC 8866 §5).
        MALFORMED,
        /// `a=ice-ufrag` or `a=ice-pwd` missing or invalid (RFC 8839 §5.4).
        MISSING_ICE_CREDENTIALS,
        /// No `a=fingerprint` with sha-256 (RFC 8122 §5).
        MISSING_FINGERPRINT,
        /// The `a=setup` role would make the SFU a DTLS client (RFC 5763 §5).
        BAD_SETUP_ROLE,
        /// No BUNDLE group or rtcp-mux (RFC 8843, RFC 5761).
        BUNDLE_REQUIRED,
        /// An answer came without an outstanding offer, or it does not match it.
        UNEXPECTED_ANSWER,
        /// Neither Opus nor VP8 offered on an m-line that sends media.
        UNSUPPORTED_CODEC
    }

    private final Reason reason;

    /// Creates the exception.
    ///
    /// @param reason  stable code
    /// @param message safe description, no SDP content
    public SdpException(Reason reason, String message) {
        super(reason + ": " + message, null);
        this.reason = reason;
    }

    /// The stable reason code.
    ///
    /// @return the reason
    public Reason reason() {
        return reason;
    }
}
