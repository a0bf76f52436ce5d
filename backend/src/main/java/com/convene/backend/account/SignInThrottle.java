package com.convene.backend.account;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;
import java.util.List;

/// Per account and client address sign-in throttling with growing delays, in Redis so that every backend node
/// sees the same counts (OWASP Authentication Cheat Sheet, "Login Throttling" and "Account Lockout": slow the
/// guesser down, never lock the real user out; docs/decisions/090-trusted-proxy-and-sign-in-throttling.md).
///
/// One hash per account, `signin:{account}` (the user id, or `unknown:{sha256 of the login}` for names that do not
/// exist, so both look the same to a caller), expiring `sign-in-window` after its last attempt:
///
/// | field | value |
/// |---|---|
/// | `n:{address}` | attempts from this address not followed by a success |
/// | `t:{address}` | epoch ms before which the next attempt from this address is refused |
/// | `total` | attempts on the account from all addresses in the window that were not successes (the admin alert) |
///
/// Every attempt counts when it starts (one Lua script: check, count and set the next allowed instant
/// atomically), so parallel guesses cannot slip past the delay; a success clears its address' fields. The first
/// `sign-in-free-attempts` attempts pass at once; then attempt `n` must wait
/// `min(sign-in-base-delay × 2^(n − free), sign-in-max-delay)` after the previous one. Another address is not
/// slowed at all: an attacker elsewhere cannot lock `admin` out.
///
/// Blocking (Lettuce synchronous API behind the Redis deadline and breaker of docs/decisions/088): call from a
/// blocking executor. When Redis does not answer, [#attempt] throws the Redis exception and the sign-in is
/// answered `503 service-unavailable` (fail closed; docs/security.md). Thread-safe.
@Singleton
class SignInThrottle {

    /// KEYS[1] hash; ARGV: address, now ms, free attempts, base delay ms, max delay ms, window ms.
    /// Returns {wait ms (0 = go ahead), attempts from this address, attempts from all addresses}.
    private static final String ATTEMPT = """
            local n = tonumber(redis.call('HGET', KEYS[1], 'n:' .. ARGV[1]) or '0')
            local t = tonumber(redis.call('HGET', KEYS[1], 't:' .. ARGV[1]) or '0')
            local now = tonumber(ARGV[2])
            if t > now then
              return {t - now, n, tonumber(redis.call('HGET', KEYS[1], 'total') or '0')}
            end
            n = redis.call('HINCRBY', KEYS[1], 'n:' .. ARGV[1], 1)
            local total = redis.call('HINCRBY', KEYS[1], 'total', 1)
            local free = tonumber(ARGV[3])
            if n >= free then
              local delay = math.floor(tonumber(ARGV[4]) * (2 ^ math.min(n - free, 40)))
              delay = math.min(delay, tonumber(ARGV[5]))
              redis.call('HSET', KEYS[1], 't:' .. ARGV[1], now + delay)
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[6])
            return {0, n, total}
            """;

    /// KEYS[1] hash; ARGV: address. A success: clears the address' fields and uncounts the attempt from `total`.
    private static final String SUCCEEDED = """
            if redis.call('EXISTS', KEYS[1]) == 1 then
              redis.call('HDEL', KEYS[1], 'n:' .. ARGV[1], 't:' .. ARGV[1])
              redis.call('HINCRBY', KEYS[1], 'total', -1)
            end
            return 0
            """;

    private final RedisCommands<String, String> redis;
    private final AccountConfig config;

    SignInThrottle(StatefulRedisConnection<String, String> connection, AccountConfig config) {
        this.redis = connection.sync();
        this.config = config;
    }

    /// The outcome of [#attempt].
    ///
    /// @param waitMillis      0 when the attempt may go ahead, else how long until one is accepted, ms
    /// @param fromAddress     attempts on the account from this address since its last success, counting this one
    /// @param fromAllAddresses attempts on the account from every address within the window
    record Outcome(long waitMillis, long fromAddress, long fromAllAddresses) {
        boolean allowed() {
            return waitMillis == 0;
        }
    }

    /// Counts one sign-in attempt on `account` from `address`, or refuses it while that pair's delay runs.
    ///
    /// @throws io.lettuce.core.RedisException when Redis does not answer within its deadline
    Outcome attempt(String account, String address) {
        List<Long> result = redis.eval(ATTEMPT, ScriptOutputType.MULTI, new String[] {key(account)},
                address, Long.toString(System.currentTimeMillis()), Integer.toString(config.signInFreeAttempts()),
                Long.toString(config.signInBaseDelay().toMillis()), Long.toString(config.signInMaxDelay().toMillis()),
                Long.toString(config.signInWindow().toMillis()));
        return new Outcome(result.get(0), result.get(1), result.get(2));
    }

    /// A correct password from `address`: its count and delay are cleared (other addresses keep theirs) and the
    /// attempt no longer counts towards the alert.
    void succeeded(String account, String address) {
        redis.eval(SUCCEEDED, ScriptOutputType.INTEGER, new String[] {key(account)}, address);
    }

    /// Forgets every address' count and delay for `account` (the admin's unlock).
    void clear(String account) {
        redis.del(key(account));
    }

    static String key(String account) {
        return "signin:" + account;
    }
}
