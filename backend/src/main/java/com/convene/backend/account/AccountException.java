package com.convene.backend.account;

import com.convene.backend.problem.ProblemException;
import com.convene.backend.problem.ProblemType;

/// Root of the account feature's errors.
public final class AccountException extends ProblemException {

    AccountException(ProblemType type, String detail) {
        super(type, detail);
    }

    AccountException(ProblemType type, String detail, long retryAfterSeconds) {
        super(type, detail, retryAfterSeconds);
    }

    AccountException(ProblemType type, String detail, Throwable cause) {
        super(type, detail, java.util.List.of(), cause);
    }
}
