package com.convene.sfu.ice;

/// STUN attribute type codes used by ICE (RFC 8489 §18.3, RFC 8445 §16.1).
public final class StunAttributeType {
    /// MAPPED-ADDRESS, RFC 8489 §14.1.
    public static final int MAPPED_ADDRESS = 0x0001;
    /// USERNAME, RFC 8489 §14.3.
    public static final int USERNAME = 0x0006;
    /// MESSAGE-INTEGRITY (HMAC-SHA1), RFC 8489 §14.5.
    public static final int MESSAGE_INTEGRITY = 0x0008;
    /// ERROR-CODE, RFC 8489 §14.8.
    public static final int ERROR_CODE = 0x0009;
    /// XOR-MAPPED-ADDRESS, RFC 8489 §14.2.
    public static final int XOR_MAPPED_ADDRESS = 0x0020;
    /// PRIORITY, RFC 8445 §7.1.1.
    public static final int PRIORITY = 0x0024;
    /// USE-CANDIDATE, RFC 8445 §7.1.2.
    public static final int USE_CANDIDATE = 0x0025;
    /// SOFTWARE, RFC 8489 §14.14.
    public static final int SOFTWARE = 0x8022;
    /// FINGERPRINT, RFC 8489 §14.7.
    public static final int FINGERPRINT = 0x8028;
    /// ICE-CONTROLLED, RFC 8445 §7.1.3.
    public static final int ICE_CONTROLLED = 0x8029;
    /// ICE-CONTROLLING, RFC 8445 §7.1.3.
    public static final int ICE_CONTROLLING = 0x802A;

    private StunAttributeType() {
    }
}
