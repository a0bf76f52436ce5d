package com.convene.backend.problem;

import com.convene.model.api.ProblemFieldError;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// Root of every exception that maps to a problem response; each feature's own root
/// (`AccountException`, `MeetingException`, ...) extends it.
///
/// The message is the problem's `detail` and therefore must be safe to show a user: no SQL, ids of other users,
/// secrets or stack traces.
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<ProblemFieldError> fieldErrors;
    private final long retryAfterSeconds;

    /// @param type   the problem type
    /// @param detail user-safe explanation
    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), null);
    }

    /// @param type        the problem type
    /// @param detail      user-safe explanation
    /// @param fieldErrors field-level errors, for [ProblemType#VALIDATION]
    /// @param cause       the library exception wrapped at the boundary, or `null`
    public ProblemException(ProblemType type, String detail, List<ProblemFieldError> fieldErrors,
                            @Nullable Throwable cause) {
        this(type, detail, fieldErrors, cause, 0);
    }

    /// A problem that tells the client when to try again (`Retry-After`, RFC 9110 §10.2.3), e.g. a 429 or 503.
    ///
    /// @param type              the problem type
    /// @param detail            user-safe explanation
    /// @param retryAfterSeconds seconds until a retry can succeed, ≥ 1 (sent as `Retry-After`)
    public ProblemException(ProblemType type, String detail, long retryAfterSeconds) {
        this(type, detail, List.of(), null, Math.max(1, retryAfterSeconds));
    }

    private ProblemException(ProblemType type, String detail, List<ProblemFieldError> fieldErrors,
                             @Nullable Throwable cause, long retryAfterSeconds) {
        super(detail, cause, false, cause != null);
        this.type = type;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /// Seconds for the `Retry-After` header, or 0 for none.
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /// The problem type.
    public ProblemType type() {
        return type;
    }

    /// Field-level errors, empty unless this is a validation problem.
    public List<ProblemFieldError> fieldErrors() {
        return fieldErrors;
    }
}
