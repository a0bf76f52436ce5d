package com.convene.backend.ratelimit;

/// The answer of one bucket check.
///
/// @param allowed          whether a token was taken (the request may go on)
/// @param retryAfterMillis when refused: ms until one token is back, 1 or more; 0 when allowed
/// @param local            whether the node-local fallback answered because Redis did not (down, slow, breaker
///                         open); the limits then hold per node only
public record RateVerdict(boolean allowed, long retryAfterMillis, boolean local) {

    /// A verdict that let the request through.
    static RateVerdict allow(boolean local) {
        return new RateVerdict(true, 0, local);
    }

    /// A refusal with the wait until the next token, at least 1 ms.
    static RateVerdict refuse(long retryAfterMillis, boolean local) {
        return new RateVerdict(false, Math.max(1, retryAfterMillis), local);
    }
}
