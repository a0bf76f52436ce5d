package com.convene.backend.signaling;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Closes the signaling sockets of accounts disabled while connected: every
/// `convene.signaling.account-check-interval` (default 1 s, so a disabled user is gone within about 1 s plus
/// one query) the users connected to this node are checked against `users.status` in one query.
///
/// This catches every way an account gets disabled (the admin API on any node, a script, SQL) without the
/// account feature knowing about signaling; the admin API also calls [AccountLifecycleListener] directly for
/// an immediate close. See docs/decisions/041-closing-sockets-of-disabled-accounts.md.
@Singleton
class DisabledAccountSweep {
  private static final Logger LOG = LoggerFactory.getLogger(DisabledAccountSweep.class);

  private final LiveConnections connections;
  private final AccountStatusReader accounts;

  DisabledAccountSweep(LiveConnections connections, AccountStatusReader accounts) {
    this.connections = connections;
    this.accounts = accounts;
  }

  /// One sweep; runs on Micronaut's scheduled executor (blocking is fine there).
  @Scheduled(
      fixedDelay = "${convene.signaling.account-check-interval:1s}",
      initialDelay = "${convene.signaling.account-check-interval:1s}")
  void sweep() {
    Set<UUID> connected = connections.connectedUsers();
    if (connected.isEmpty()) {
      return;
    }
    try {
      List<UUID> disabled = accounts.disabledAmong(connected);
      connections.disconnectAll(disabled);
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Disabled-account check failed; retrying next interval: {}", e.toString());
    }
  }
}
