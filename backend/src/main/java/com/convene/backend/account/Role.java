package com.convene.backend.account;

import java.util.Locale;

/// Authorization role of an account, stored in `users.role` and carried in the JWT `roles` claim.
public enum Role {
    /// Manages every meeting and account.
    ADMIN,
    /// Manages own meetings only.
    MEMBER;

    /// The stored and wire form: `admin` or `member`.
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /// Parses the wire form.
    ///
    /// @throws IllegalArgumentException for any other value
    public static Role fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
