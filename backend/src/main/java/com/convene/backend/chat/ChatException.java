package com.convene.backend.chat;

import com.convene.backend.problem.ProblemException;
import com.convene.backend.problem.ProblemType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// Root of the chat feature's errors: PostgreSQL or Redis could not take the message. The sender may send the
/// same `clientMessageId` again; nothing is duplicated.
public final class ChatException extends ProblemException {

    ChatException(String detail, @Nullable Throwable cause) {
        super(ProblemType.SERVICE_UNAVAILABLE, detail, List.of(), cause);
    }
}
