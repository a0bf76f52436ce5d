package com.convene.backend.account;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;

/// Fixed-window rate limit on login attempts per client address, counted in Redis so every backend node shares it.
///
/// Key `login_rate:{address}`, an `INCR` counter that expires after `convene.account.login-rate-window`; more than
/// `convene.account.login-rate-limit` attempts in one window are refused with `too-many-requests`. This slows
/// password guessing across many accounts from one address; the per-account lock-out (`user_auth`) stops guessing
/// one account from many addresses.
///
/// Blocking (Lettuce synchronous API): call from a blocking executor. Thread-safe.
@Singleton
class LoginRateLimiter {

    private final RedisCommands<String, String> redis;
    private final AccountConfig config;

    LoginRateLimiter(StatefulRedisConnection<String, String> connection, AccountConfig config) {
        this.redis = connection.sync();
        this.config = config;
    }

    /// Counts one attempt from `clientAddress`.
    ///
    /// @throws AccountException `too-many-requests` when the window's budget is spent
    void acquire(String clientAddress) {
        String key = "login_rate:" + clientAddress;
        long count = redis.incr(key);
        if (count == 1) {
            redis.pexpire(key, config.loginRateWindow().toMillis());
        }
        if (count > config.loginRateLimit()) {
            long ttlMillis = redis.pttl(key);
            if (ttlMillis < 0) {
                // the counter lost its expiry (a crash between INCR and PEXPIRE): give it one
                redis.pexpire(key, config.loginRateWindow().toMillis());
                ttlMillis = config.loginRateWindow().toMillis();
            }
            throw new AccountException(com.convene.backend.problem.ProblemType.TOO_MANY_REQUESTS,
                    "Too many sign-in attempts from this address; try again in a minute.",
                    Math.ceilDiv(ttlMillis, 1000));
        }
    }
}
