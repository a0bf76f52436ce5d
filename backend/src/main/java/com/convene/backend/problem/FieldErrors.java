package com.convene.backend.problem;

import com.convene.model.api.ProblemFieldError;
import java.util.ArrayList;
import java.util.List;

/// Collects field-level validation errors for one request and throws them together as a single
/// [ProblemType#VALIDATION] problem, so a client sees every bad field at once.
///
/// Not thread-safe: one instance per request.
public final class FieldErrors {

    private final List<ProblemFieldError> errors = new ArrayList<>();

    /// Records an error on a field.
    ///
    /// @param field   JSON member name
    /// @param message safe explanation, e.g. `must not be blank`
    public FieldErrors add(String field, String message) {
        errors.add(new ProblemFieldError(field, message));
        return this;
    }

    /// Whether no error was recorded.
    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /// Throws a validation problem if any error was recorded.
    ///
    /// @throws ProblemException of type [ProblemType#VALIDATION]
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION,
                    "The request has " + errors.size() + " invalid field(s).", errors, null);
        }
    }
}
