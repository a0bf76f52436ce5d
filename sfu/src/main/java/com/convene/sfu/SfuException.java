package com.convene.sfu;

/// Root of every exception the SFU throws to its callers (STYLE.md §7: one exception root per feature).
public class SfuException extends RuntimeException {

    /// Creates the exception.
    ///
    /// @param message safe description
    /// @param cause   the wrapped library exception, or null
    public SfuException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
        super(message, cause);
    }
}
