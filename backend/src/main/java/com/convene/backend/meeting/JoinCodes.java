package com.convene.backend.meeting;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/// Join codes: ten lower-case letters shown as `abc-defg-hij`, easy to read aloud and type.
///
/// The alphabet leaves out `l` (confused with `1` and `I`), giving 25^10 ≈ 9.5 × 10^13 codes; uniqueness is
/// enforced by the `meetings.join_code` constraint. Thread-safe.
final class JoinCodes {

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyz";
    private static final int LETTERS = 10;

    private final SecureRandom random = new SecureRandom();

    /// A fresh random code, e.g. `xkd-qpwe-mvr`.
    String next() {
        char[] letters = new char[LETTERS];
        for (int i = 0; i < LETTERS; i++) {
            letters[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return format(new String(letters));
    }

    /// Normalises what a user typed (any case, with or without dashes or spaces) to the stored form.
    ///
    /// @return the canonical code, or empty when the input cannot be a join code
    static Optional<String> normalize(String input) {
        StringBuilder letters = new StringBuilder(LETTERS);
        for (char c : input.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
            } else if (c != '-' && c != ' ') {
                return Optional.empty();
            }
        }
        return letters.length() == LETTERS ? Optional.of(format(letters.toString())) : Optional.empty();
    }

    private static String format(String letters) {
        return letters.substring(0, 3) + "-" + letters.substring(3, 7) + "-" + letters.substring(7);
    }
}
