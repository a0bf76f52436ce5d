package com.convene.backend.signaling;

import com.convene.backend.account.UserDisabledEvent;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Closes a user's live signaling sockets the moment an administrator disables the account (the account
/// feature's [UserDisabledEvent]); [DisabledAccountSweep] remains the safety net for changes made elsewhere.
/// Runs on the admin request's thread and only queues the closes, so it returns at once.
@Singleton
final class DisabledAccountEvents implements ApplicationEventListener<UserDisabledEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(DisabledAccountEvents.class);

  private final AccountLifecycleListener connections;

  DisabledAccountEvents(AccountLifecycleListener connections) {
    this.connections = connections;
  }

  @Override
  public void onApplicationEvent(UserDisabledEvent event) {
    int closed = connections.onAccountDisabled(event.userId());
    LOG.info("Account disabled userId={} signaling sockets closed={}", event.userId(), closed);
  }
}
