package com.convene.backend.update;

import com.convene.backend.problem.ProblemException;
import com.convene.backend.problem.ProblemType;

/// Root of the update feature's errors; the message is safe to show a user (the problem's `detail`).
public class UpdateException extends ProblemException {

    /// @param type   the problem type
    /// @param detail user-safe explanation
    public UpdateException(ProblemType type, String detail) {
        super(type, detail);
    }
}
