package com.convene.backend.account;

import com.convene.backend.audit.AuditService;
import com.convene.backend.problem.ProblemType;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The sign-in protections that run before a password is checked (docs/security.md, docs/decisions/090): the
/// per-address budget ([LoginRateLimiter], any account) and the per account and address delay ([SignInThrottle]);
/// and the admins' alert when one account draws [AccountConfig#signInAlertThreshold()] attempts within the window
/// from all addresses together: a WARN log line and an audit entry `signin.attack` (actor: the system) naming
/// the account and the address of the attempt that crossed the threshold.
///
/// Blocking (Redis and the audit insert): call from a blocking executor. Thread-safe.
@Singleton
class SignInGuard {

    private static final Logger LOG = LoggerFactory.getLogger(SignInGuard.class);
    /// Audit action of the alert.
    static final String ALERT_ACTION = "signin.attack";

    private final LoginRateLimiter perAddress;
    private final SignInThrottle throttle;
    private final AuditService audit;
    private final AccountConfig config;

    SignInGuard(LoginRateLimiter perAddress, SignInThrottle throttle, AuditService audit, AccountConfig config) {
        this.perAddress = perAddress;
        this.throttle = throttle;
        this.audit = audit;
        this.config = config;
    }

    /// Admits one sign-in attempt or refuses it before the password is looked at.
    ///
    /// @param account   [#account] of the attempted login
    /// @param user      the account's user when it exists (for the alert), else `null`
    /// @param address   the client address from [com.convene.backend.config.ClientAddress]
    /// @param userAgent the request's `User-Agent`, for the alert's audit entry
    /// @throws AccountException `too-many-requests` (the address' budget) or `sign-in-throttled` (this account
    ///                          from this address), both with `Retry-After`
    /// @throws io.lettuce.core.RedisException when Redis does not answer (the caller's edge answers 503)
    void admit(String account, @Nullable User user, String address, @Nullable String userAgent) {
        perAddress.acquire(address);
        SignInThrottle.Outcome outcome = throttle.attempt(account, address);
        if (!outcome.allowed()) {
            throw new AccountException(ProblemType.SIGN_IN_THROTTLED,
                    "Too many sign-in attempts for this account from your address; wait before trying again.",
                    Math.ceilDiv(outcome.waitMillis(), 1000));
        }
        if (user != null && outcome.fromAllAddresses() == config.signInAlertThreshold()) {
            LOG.warn("Sign-in attack suspected: userId={} attempts={} window={} latestAddress={}", user.userId(),
                    outcome.fromAllAddresses(), config.signInWindow(), address);
            audit.recordSystem(ALERT_ACTION, "user", user.userId().toString(), "POST", "/api/v1/auth/login", 401,
                    address, userAgent);
        }
    }

    /// The right password from `address`: its delay is lifted.
    void succeeded(String account, String address) {
        throttle.succeeded(account, address);
    }

    /// Lifts every delay on the account of `user` (the admin's unlock).
    void clear(User user) {
        throttle.clear(account(user, user.username()));
    }

    /// The throttling key of a login: the user id when the account exists, else a hash of the typed name, so an
    /// unknown name is throttled exactly like a real one.
    static String account(@Nullable User user, String login) {
        if (user != null) {
            return user.userId().toString();
        }
        try {
            return "unknown:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(login.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
