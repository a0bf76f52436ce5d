package com.convene.backend.recording;

import com.convene.backend.problem.ProblemException;
import com.convene.backend.problem.ProblemType;

/// Root of the recording feature's errors; the message is safe to show a user (the problem's `detail`).
public class RecordingException extends ProblemException {

    /// @param type   the problem type
    /// @param detail user-safe explanation
    public RecordingException(ProblemType type, String detail) {
        super(type, detail);
    }

    /// Wraps a library failure (FFmpeg, file system) at the boundary.
    ///
    /// @param detail user-safe explanation
    /// @param cause  the library exception, or null
    public RecordingException(String detail, Throwable cause) {
        super(ProblemType.INTERNAL, detail, java.util.List.of(), cause);
    }
}
