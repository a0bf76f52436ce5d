package com.convene.backend.account;

import java.time.Instant;
import java.util.UUID;

/// Published in-process (Micronaut `ApplicationEventPublisher`) after an administrator disabled an account, once
/// its refresh tokens are revoked and its access tokens are refused.
///
/// Consumers (the signaling layer closes the user's live WebSocket connections) listen with
/// `@EventListener void on(UserDisabledEvent event)`. Delivered synchronously on the thread of the admin request
/// (a blocking executor thread): a listener must not block for long, and must not throw.
///
/// @param userId     the disabled account
/// @param disabledAt when it was disabled
/// @param actorId    the administrator who disabled it
public record UserDisabledEvent(UUID userId, Instant disabledAt, UUID actorId) {
}
