package com.convene.backend.room;

import com.convene.backend.problem.ProblemException;
import com.convene.backend.problem.ProblemType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// Root of the room feature's errors: Redis unreachable, unreadable state, or too much contention.
public final class RoomStateException extends ProblemException {

    RoomStateException(String detail, @Nullable Throwable cause) {
        super(ProblemType.SERVICE_UNAVAILABLE, detail, List.of(), cause);
    }
}
