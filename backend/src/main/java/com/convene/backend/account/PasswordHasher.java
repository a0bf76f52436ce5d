package com.convene.backend.account;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.util.Arrays;

/// Argon2id password hashing (RFC 9106) with BouncyCastle, encoded as a PHC string:
/// `$argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>` (base64 without padding).
///
/// New hashes use the parameters of [AccountConfig] (default m=19,456 KiB, t=2, p=1, the OWASP minimum);
/// verification reads the parameters from the stored string, so they can be raised later without a migration.
/// Comparison is constant-time. Thread-safe. Each hash costs about 20 MiB and tens of milliseconds of CPU: call
/// from a blocking executor, never an event loop.
@Singleton
public final class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final int memoryKib;
    private final int iterations;
    private final int parallelism;

    @Inject
    PasswordHasher(AccountConfig config) {
        this(config.argon2MemoryKib(), config.argon2Iterations(), config.argon2Parallelism());
    }

    /// @param memoryKib   memory cost in KiB, 8×parallelism–4,194,304
    /// @param iterations  passes, 1–10
    /// @param parallelism lanes, 1–16
    PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /// Hashes a password with a fresh 16-byte salt.
    ///
    /// @return the PHC string, at most ~100 characters
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /// Checks a password against a PHC string in constant time (for equal-length hashes).
    ///
    /// @return `false` also when `phc` is malformed or not argon2id
    public boolean verify(String password, String phc) {
        String[] parts = phc.split("\\$");
        // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
        if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
            return false;
        }
        try {
            int m = 0;
            int t = 0;
            int p = 0;
            for (String kv : parts[3].split(",")) {
                int eq = kv.indexOf('=');
                int value = Integer.parseInt(kv.substring(eq + 1));
                switch (kv.substring(0, eq)) {
                    case "m" -> m = value;
                    case "t" -> t = value;
                    case "p" -> p = value;
                    default -> {
                        return false;
                    }
                }
            }
            byte[] salt = B64_DECODER.decode(parts[4]);
            byte[] expected = B64_DECODER.decode(parts[5]);
            if (m < 8 || t < 1 || p < 1 || expected.length < 16) {
                return false;
            }
            byte[] actual = derive(password, salt, m, t, p, expected.length);
            return Arrays.constantTimeAreEqual(expected, actual);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException malformed) {
            return false;
        }
    }

    /// The salt part of a PHC string produced by [#hash(String)], for the informational `user_auth.salt` column.
    static String saltOf(String phc) {
        String[] parts = phc.split("\\$");
        return parts.length == 6 ? parts[4] : "";
    }

    private static byte[] derive(String password, byte[] salt, int m, int t, int p, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(m)
                .withIterations(t)
                .withParallelism(p)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
