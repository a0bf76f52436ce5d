package com.convene.backend.storage;

import com.convene.backend.problem.ProblemException;
import com.convene.backend.problem.ProblemType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// Root of the storage feature's errors; the message is safe to show (no paths or bucket internals).
public class StorageException extends ProblemException {

    /// @param type   `not-found` for a missing object, else `internal`
    /// @param detail user-safe explanation
    /// @param cause  the wrapped I/O exception, or null
    public StorageException(ProblemType type, String detail, @Nullable Throwable cause) {
        super(type, detail, List.of(), cause);
    }
}
