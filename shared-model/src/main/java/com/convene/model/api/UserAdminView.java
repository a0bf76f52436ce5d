package com.convene.model.api;

import java.time.Instant;

/// An account as administrators see it: the profile plus its sign-in state (lock-out); never credentials.
///
/// @param user                the profile
/// @param failedLoginAttempts consecutive failed logins since the last success, 0–
/// @param lockedUntil         logins are refused until this instant, or `null` when not locked
/// @param locked              whether `lockedUntil` lies in the future now
public record UserAdminView(UserView user, int failedLoginAttempts, Instant lockedUntil, boolean locked) {
}
