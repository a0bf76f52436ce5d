package com.convene.backend.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    /// Small parameters: this tests encoding and comparison, not cost.
    private final PasswordHasher hasher = new PasswordHasher(64, 1, 1);

    @Test
    void encodesPhcStringAndVerifiesPassword() {
        String phc = hasher.hash("correct horse");

        assertThat(phc).matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.verify("correct horse", phc)).isTrue();
        assertThat(hasher.verify("correct horsE", phc)).isFalse();
        assertThat(PasswordHasher.saltOf(phc)).hasSize(22);
    }

    @Test
    void saltsEachHash() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void verifiesWithParametersFromTheStoredString() {
        String strong = new PasswordHasher(256, 2, 2).hash("pw");

        assertThat(hasher.verify("pw", strong)).isTrue();
    }

    @Test
    void rejectsMalformedOrForeignHashes() {
        assertThat(hasher.verify("pw", "")).isFalse();
        assertThat(hasher.verify("pw", "$2a$10$abcdefghijklmnopqrstuu")).isFalse();
        assertThat(hasher.verify("pw", "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaA")).isFalse();
        assertThat(hasher.verify("pw", "$argon2id$v=19$m=x,t=1,p=1$c2FsdHNhbHQ$aGFzaA")).isFalse();
        assertThat(hasher.verify("pw", "$argon2id$v=19$m=64,t=1,p=1$!!!$aGFzaA")).isFalse();
    }
}
