package com.convene.desktop.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.convene.model.api.LoginResponse;
import com.convene.model.api.UserView;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/// When [SessionTokens] renews: a minute before expiry and after a 401, once for concurrent callers, never without
/// a refresh token; a refused refresh ends the sign-in, an unreachable server keeps the old token. The server side
/// of the exchange is tested against the real backend in `e2e/SessionRenewalIT`.
class SessionTokensTest {
  private static final UserView USER = null;
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T09:00:00Z"));
  private final InstantSource clock = now::get;
  private final List<String> spent = new ArrayList<>();
  private int issued;

  private LoginResponse issue() {
    issued++;
    return new LoginResponse("access-" + issued, "Bearer", 900, USER, "refresh-" + issued, 2_592_000L);
  }

  private LoginResponse refresh(String refreshToken) {
    spent.add(refreshToken);
    return issue();
  }

  private void advanceSeconds(long seconds) {
    now.set(now.get().plusSeconds(seconds));
  }

  @Test
  void keepsTheTokenUntilAMinuteBeforeExpiryThenRenewsWithTheLatestRefreshToken() {
    SessionTokens tokens = SessionTokens.of(issue(), this::refresh, clock);
    advanceSeconds(900 - 61);
    assertThat(tokens.current()).isEqualTo("access-1");
    advanceSeconds(1);
    assertThat(tokens.current()).isEqualTo("access-2");
    assertThat(tokens.current()).isEqualTo("access-2");
    advanceSeconds(900);
    assertThat(tokens.current()).isEqualTo("access-3");
    assertThat(spent).containsExactly("refresh-1", "refresh-2");
  }

  @Test
  void aRejectedTokenIsRenewedOnceEvenWhenSeveralRequestsSawTheRejection() {
    SessionTokens tokens = SessionTokens.of(issue(), this::refresh, clock);
    assertThat(tokens.renewAfterRejection("access-1")).isEqualTo("access-2");
    assertThat(tokens.renewAfterRejection("access-1")).as("already renewed by another caller").isEqualTo("access-2");
    assertThat(spent).containsExactly("refresh-1");
  }

  @Test
  void aRefusedRefreshEndsTheSignInAndAnUnreachableServerKeepsTheOldToken() {
    SessionTokens unreachable = SessionTokens.of(issue(), token -> {
      throw new CallException("Could not reach the server.", (String) null);
    }, clock);
    advanceSeconds(899);
    assertThat(unreachable.current()).isEqualTo("access-1");

    SessionTokens refused = SessionTokens.of(issue(), token -> {
      throw new SessionExpiredException(CallProblem.SESSION_EXPIRED, null);
    }, clock);
    advanceSeconds(899);
    assertThatThrownBy(refused::current).isInstanceOf(SessionExpiredException.class);
  }

  @Test
  void aFixedTokenOrALoginWithoutRefreshTokenIsNeverRenewed() {
    SessionTokens fixed = SessionTokens.fixed("static");
    advanceSeconds(86_400);
    assertThat(fixed.current()).isEqualTo("static");
    assertThatThrownBy(() -> fixed.renewAfterRejection("static")).isInstanceOf(SessionExpiredException.class);

    SessionTokens noRefresh = SessionTokens.of(new LoginResponse("only", "Bearer", 900, USER), this::refresh, clock);
    advanceSeconds(900);
    assertThat(noRefresh.current()).isEqualTo("only");
    assertThat(spent).isEmpty();
  }
}
