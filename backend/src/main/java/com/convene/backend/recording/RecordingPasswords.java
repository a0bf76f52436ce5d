package com.convene.backend.recording;

import com.convene.backend.account.PasswordHasher;
import com.convene.backend.problem.ProblemType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/// Passwords of password-protected recordings (seed 000 `recordings.password_protected`, `password_hash`):
/// argon2id hashes ([PasswordHasher]) and a bound on guessing.
///
/// Wrong answers are counted per recording and user in Redis (`recording_password_failures:{recording}:{user}`,
/// an `INCR` counter expiring [#FAILURE_WINDOW] after the first failure, shared by every backend node); after
/// [#MAX_FAILURES] the user gets `too-many-requests` for that recording until the window ends, even with the
/// right password.
///
/// Blocking (hashing costs tens of ms; Lettuce synchronous API): call from a blocking executor. Thread-safe.
@Singleton
class RecordingPasswords {
    /// Shortest password accepted, characters.
    static final int MIN_LENGTH = 4;
    /// Longest password accepted, characters.
    static final int MAX_LENGTH = 128;
    /// Wrong passwords one user may try on one recording per window.
    static final int MAX_FAILURES = 10;
    /// How long failures are remembered after the first one.
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

    private final PasswordHasher hasher;
    private final RedisCommands<String, String> redis;

    RecordingPasswords(PasswordHasher hasher, StatefulRedisConnection<String, String> connection) {
        this.hasher = hasher;
        this.redis = connection.sync();
    }

    /// Hashes a new recording password.
    ///
    /// @return the argon2id PHC string for `password_hash`
    /// @throws RecordingException `validation` when it is shorter than [#MIN_LENGTH] or longer than [#MAX_LENGTH]
    String hash(String password) {
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new RecordingException(ProblemType.VALIDATION,
                    "password must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
        }
        return hasher.hash(password);
    }

    /// Lets `userId` through to a protected recording when `given` is its password.
    ///
    /// @param passwordHash the recording's `password_hash`; `null` (protected without a hash) lets nobody through
    /// @throws RecordingException `recording-password-required` when `given` is missing or wrong,
    ///                            `too-many-requests` after [#MAX_FAILURES] wrong ones in the window
    void check(UUID recordingId, @Nullable String passwordHash, UUID userId, @Nullable String given) {
        String key = failureKey(recordingId, userId);
        String failures = redis.get(key);
        if (failures != null && Long.parseLong(failures) >= MAX_FAILURES) {
            throw new RecordingException(ProblemType.TOO_MANY_REQUESTS,
                    "Too many wrong passwords for this recording; try again later.");
        }
        if (given == null || given.isEmpty()) {
            throw new RecordingException(ProblemType.RECORDING_PASSWORD_REQUIRED,
                    "This recording is protected by a password.");
        }
        if (passwordHash == null || !hasher.verify(given, passwordHash)) {
            if (redis.incr(key) == 1) {
                redis.pexpire(key, FAILURE_WINDOW.toMillis());
            }
            throw new RecordingException(ProblemType.RECORDING_PASSWORD_REQUIRED,
                    "The recording's password is wrong.");
        }
    }

    /// The Redis key counting `userId`'s wrong passwords for a recording.
    static String failureKey(UUID recordingId, UUID userId) {
        return "recording_password_failures:" + recordingId + ":" + userId;
    }
}
