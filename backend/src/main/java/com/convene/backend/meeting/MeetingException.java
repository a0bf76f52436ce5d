package com.convene.backend.meeting;

import com.convene.backend.problem.ProblemException;
import com.convene.backend.problem.ProblemType;

/// Root of the meeting feature's errors.
public sealed class MeetingException extends ProblemException permits PasswordAttemptsExceededException {

    MeetingException(ProblemType type, String detail) {
        super(type, detail);
    }
}
