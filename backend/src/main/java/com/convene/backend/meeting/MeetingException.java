package com.convene.backend.meeting;

import com.convene.backend.problem.ProblemException;
import com.convene.backend.problem.ProblemType;

/// Root of the meeting feature's errors.
public final class MeetingException extends ProblemException {

    MeetingException(ProblemType type, String detail) {
        super(type, detail);
    }
}
