package com.convene.backend.meeting;

import com.convene.backend.problem.ProblemType;

/// Too many wrong meeting passwords for one meeting, by this user or by everyone (docs/decisions/093-rate-limits.md):
/// the password is not even checked until `retryAfterMillis` has passed. REST answers 429 `too-many-requests`,
/// signaling [com.convene.model.signal.ErrorCode#RATE_LIMITED] with the same wait.
public final class PasswordAttemptsExceededException extends MeetingException {

    private final long retryAfterMillis;

    /// @param retryAfterMillis ms until one more attempt is allowed, 1 or more
    PasswordAttemptsExceededException(long retryAfterMillis) {
        super(ProblemType.TOO_MANY_REQUESTS, "Too many wrong meeting passwords; try again in "
                + Math.max(1, (retryAfterMillis + 999) / 1000) + " s.");
        this.retryAfterMillis = Math.max(1, retryAfterMillis);
    }

    /// ms until one more attempt is allowed, 1 or more.
    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
