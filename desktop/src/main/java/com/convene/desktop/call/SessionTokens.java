package com.convene.desktop.call;

import com.convene.model.api.LoginResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The bearer tokens of one sign-in, renewed with the refresh token (RFC 6749 §6, rotated on every use) so that a
/// person can stay signed in all day although an access token lives 15 minutes (`convene.account.access-token-ttl`).
///
/// [#current()] renews the access token when it expires within [#RENEW_BEFORE]; [#renewAfterRejection] renews it
/// when the server refused it early (revoked after a role change, or a clock that runs ahead). Renewal blocks on
/// one HTTP round trip: never call these on the FX thread. Thread-safe; concurrent callers renew once.
public final class SessionTokens {
  /// Renew an access token this long before its expiry.
  public static final Duration RENEW_BEFORE = Duration.ofSeconds(60);
  private static final Logger LOG = LoggerFactory.getLogger(SessionTokens.class);

  /// Exchanges a refresh token for new tokens (`POST /api/v1/auth/refresh`).
  @FunctionalInterface
  public interface Refresher {
    /// @throws SessionExpiredException when the server refuses the refresh token
    /// @throws CallException when the server cannot be reached
    LoginResponse refresh(String refreshToken);
  }

  private final @Nullable Refresher refresher;
  /// Told each new refresh token (rotation), e.g. to keep it in the keychain; never logs it.
  private volatile java.util.function.@Nullable Consumer<String> onRotated;
  private final InstantSource clock;
  private String accessToken;
  private @Nullable Instant expiresAt;
  private @Nullable String refreshToken;

  private SessionTokens(String accessToken, @Nullable Instant expiresAt, @Nullable String refreshToken,
      @Nullable Refresher refresher, InstantSource clock) {
    this.accessToken = accessToken;
    this.expiresAt = expiresAt;
    this.refreshToken = refreshToken;
    this.refresher = refresher;
    this.clock = clock;
  }

  /// Tokens from a login answer; `clock` tells when the access token (`expires_in` s from now) runs out.
  public static SessionTokens of(LoginResponse login, Refresher refresher, InstantSource clock) {
    return new SessionTokens(login.accessToken(), clock.instant().plusSeconds(login.expiresIn()),
        login.refreshToken(), login.refreshToken() == null ? null : refresher, clock);
  }

  /// A single access token that is never renewed (tests, bots with a short life).
  public static SessionTokens fixed(String accessToken) {
    return new SessionTokens(accessToken, null, null, null, InstantSource.system());
  }

  /// The access token to send now, renewed first when it expires within [#RENEW_BEFORE]. When renewal fails
  /// because the server is unreachable, the old token is returned (the request will tell).
  ///
  /// @throws SessionExpiredException when the server refuses the refresh token
  public synchronized String current() {
    if (expiresAt != null && refresher != null && refreshToken != null
        && !clock.instant().isBefore(expiresAt.minus(RENEW_BEFORE))) {
      try {
        renew();
      } catch (SessionExpiredException e) {
        throw e;
      } catch (CallException e) {
        LOG.warn("Could not renew the access token yet: {}", e.getMessage());
      }
    }
    return accessToken;
  }

  /// Called after the server answered 401 to `rejected`: renews unless another caller already did.
  ///
  /// @return the access token to retry with
  /// @throws SessionExpiredException when there is nothing to renew with or the server refuses the refresh token
  /// @throws CallException when the server cannot be reached
  public synchronized String renewAfterRejection(String rejected) {
    if (!rejected.equals(accessToken)) {
      return accessToken;
    }
    if (refresher == null || refreshToken == null) {
      throw new SessionExpiredException(CallProblem.SESSION_EXPIRED, null);
    }
    renew();
    return accessToken;
  }

  private void renew() {
    LoginResponse renewed = java.util.Objects.requireNonNull(refresher).refresh(
        java.util.Objects.requireNonNull(refreshToken));
    accessToken = renewed.accessToken();
    expiresAt = clock.instant().plusSeconds(renewed.expiresIn());
    refreshToken = renewed.refreshToken();
    LOG.info("Access token renewed; valid for {} s", renewed.expiresIn());
    java.util.function.Consumer<String> listener = onRotated;
    if (listener != null && refreshToken != null) {
      listener.accept(refreshToken);
    }
  }

  /// The refresh token now (it changes at every renewal), or null when this sign-in has none. Never log it.
  public synchronized @Nullable String refreshToken() {
    return refreshToken;
  }

  /// Calls `listener` with each refresh token a renewal brings (on the renewing thread), so that a stored copy
  /// stays the valid one. Any thread.
  public void onRotated(java.util.function.Consumer<String> listener) {
    onRotated = listener;
  }

  /// Hides the tokens from logs.
  @Override
  public String toString() {
    return "SessionTokens[expiresAt=" + expiresAt + "]";
  }
}
