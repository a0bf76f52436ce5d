package com.convene.sfu.srtp;

import org.jitsi.srtp.SrtpPolicy;

/// The SRTP protection profiles the SFU negotiates in the DTLS use_srtp extension (RFC 5764 §4.1.2, RFC 7714 §14.2).
public enum SrtpProfile {
    /// SRTP_AES128_CM_HMAC_SHA1_80: 16-byte key, 14-byte salt, 10-byte tag.
    AES128_CM_HMAC_SHA1_80(0x0001, 16, 14, 10),
    /// SRTP_AEAD_AES_128_GCM: 16-byte key, 12-byte salt, 16-byte tag.
    AEAD_AES_128_GCM(0x0007, 16, 12, 16);

    private final int id;
    private final int keyLength;
    private final int saltLength;
    private final int tagLength;

    SrtpProfile(int id, int keyLength, int saltLength, int tagLength) {
        this.id = id;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.tagLength = tagLength;
    }

    /// The IANA protection profile id, 0–65,535.
    public int id() {
        return id;
    }

    /// Master key length in bytes.
    public int keyLength() {
        return keyLength;
    }

    /// Master salt length in bytes.
    public int saltLength() {
        return saltLength;
    }

    /// Authentication tag length in bytes.
    public int tagLength() {
        return tagLength;
    }

    /// The profile with this id, or null.
    public static @org.jspecify.annotations.Nullable SrtpProfile byId(int id) {
        for (SrtpProfile profile : values()) {
            if (profile.id == id) {
                return profile;
            }
        }
        return null;
    }

    /// A fresh jitsi-srtp policy for this profile (one per direction: policies are mutable).
    SrtpPolicy policy() {
        return switch (this) {
            case AES128_CM_HMAC_SHA1_80 -> new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, keyLength,
                    SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, tagLength, saltLength);
            case AEAD_AES_128_GCM -> new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, keyLength,
                    SrtpPolicy.NULL_AUTHENTICATION, 0, tagLength, saltLength);
        };
    }
}
