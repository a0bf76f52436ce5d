package com.convene.backend.signaling;

import java.util.UUID;

/// What the account feature tells signaling when an account stops being usable (an admin suspended or deleted
/// it, or revoked all its sessions): every live signaling socket of that user is closed at once with close code
/// 4403, leaving its rooms and waiting rooms.
///
/// Implemented by [LiveConnections]. Callers: the account administration code calls it right after it changes
/// `users.status`; [DisabledAccountSweep] calls it for any connected user whose `users.status` is no longer
/// `active` (the safety net for changes made elsewhere, e.g. by another backend node or directly in the
/// database). Thread-safe and non-blocking: the sockets close on their sessions' own executors.
public interface AccountLifecycleListener {
  /// Closes every live signaling socket of `userId`; returns how many were open.
  int onAccountDisabled(UUID userId);
}
