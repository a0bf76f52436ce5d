package com.convene.backend.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/// The HMAC secret that signs access tokens (JWS HS256, RFC 7518 §3.2) in development: generated once into the
/// dev-services directory and reused, so tokens survive restarts. Production passes `CONVENE_JWT_SECRET` instead;
/// no secret is ever committed.
public final class JwtSecretFile {

    /// Property the secret is exposed as; `application.yml` feeds it to micronaut-security-jwt.
    /// The environment variable `CONVENE_JWT_SECRET` maps to it.
    public static final String PROPERTY = "convene.jwt.secret";

    /// Secret entropy in bytes, 48 (384 bits; HS256 needs at least 256, RFC 7518 §3.2).
    private static final int SECRET_BYTES = 48;

    private JwtSecretFile() {
    }

    /// Reads the secret from `file`, creating it (mode 600 where POSIX) with a fresh random secret first if absent.
    ///
    /// @return the secret, base64 text of 64 characters
    public static String loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.writeString(file, generate(), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
                    restrictToOwner(file);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create JWT secret file " + file, e);
        }
    }

    /// A fresh random secret, base64 of 48 bytes from [SecureRandom].
    public static String generate() {
        byte[] bytes = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user profile directory is already private
        }
    }
}
