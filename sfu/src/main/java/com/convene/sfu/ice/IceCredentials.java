package com.convene.sfu.ice;

import java.security.SecureRandom;
import java.util.Objects;

/// A local ICE username fragment and password (RFC 8839 §5.4).
///
/// @param ufrag username fragment, 4–256 ice-chars; ours are 8 characters
/// @param pwd   password, 22–256 ice-chars; ours are 24 characters. Never log it.
public record IceCredentials(String ufrag, String pwd) {
    private static final String ICE_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final SecureRandom RANDOM = new SecureRandom();

    /// Validates lengths.
    public IceCredentials {
        Objects.requireNonNull(ufrag, "ufrag");
        Objects.requireNonNull(pwd, "pwd");
        if (ufrag.length() < 4 || pwd.length() < 22) {
            throw new IllegalArgumentException("ice-ufrag must have 4+ chars and ice-pwd 22+ chars");
        }
    }

    /// Generates random credentials.
    ///
    /// @return new credentials
    public static IceCredentials random() {
        return new IceCredentials(randomString(8), randomString(24));
    }

    private static String randomString(int length) {
        StringBuilder result = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            result.append(ICE_CHARS.charAt(RANDOM.nextInt(ICE_CHARS.length())));
        }
        return result.toString();
    }

    @Override
    public String toString() {
        return "IceCredentials[ufrag=" + ufrag + ", pwd=<redacted>]";
    }
}
