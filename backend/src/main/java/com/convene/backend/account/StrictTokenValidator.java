package com.convene.backend.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/// Strict access-token validation around Micronaut's JWT validator (docs/decisions/091; RFC 7519 §4.1, RFC 8725
/// §3.1 and §3.8). A bearer token authenticates only when all of these hold:
///
/// 1. it is a JWS whose header `alg` is in [#ALGORITHMS] (`HS256`, the one Convene signs with; `none`, other
///    HMAC sizes and anything asymmetric are refused before the signature is looked at);
/// 2. Micronaut's validator accepts its signature and claims validators ([AccessTokenRevocations]' local view);
/// 3. `exp` is present and in the future, `nbf` (if present) and `iat` are not more than [#CLOCK_SKEW] ahead,
///    `iss` is [TokenIdentity#issuer()], `aud` contains [TokenIdentity#AUDIENCE], `sub` is a user id, `jti` is
///    present, and `exp − iat` is at most the access-token lifetime plus [#CLOCK_SKEW];
/// 4. on a blocking thread (never the event loop): no revocation in Redis refuses it, its user exists, is
///    `active`, and holds every role the token claims (an account's status and role are cached for
///    `convene.account.token-account-cache-ttl`, 5 s). While PostgreSQL cannot be read, an uncached account is
///    not checked (the token stands, revocations still apply): a store outage must not sign everyone out.
///
/// Otherwise the request stays anonymous and secured routes answer 401. Installed by [StrictTokenValidatorInstaller]
/// around the framework's bean, so every place Micronaut validates a bearer token (REST and the signaling
/// handshake) gets these rules. Thread-safe.
final class StrictTokenValidator implements ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(StrictTokenValidator.class);
    /// JWS algorithms accepted in the header (RFC 8725 §3.1: an explicit allow-list).
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.HS256);
    /// How far `nbf`/`iat` may lie ahead of this node's clock, and the slack on the lifetime check.
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    /// What the token check needs to know of an account.
    record AccountState(String status, String role) {
    }

    private final ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> delegate;
    private final JwtAuthenticationFactory authentications;
    private final AccessTokenRevocations revocations;
    private final UserRepository users;
    private final TokenIdentity identity;
    private final AccountConfig config;
    private final Scheduler blocking;
    private final Cache<UUID, Optional<AccountState>> accounts;

    StrictTokenValidator(ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> delegate,
                         JwtAuthenticationFactory authentications, AccessTokenRevocations revocations,
                         UserRepository users, TokenIdentity identity, AccountConfig config,
                         ExecutorService blockingExecutor) {
        this.delegate = delegate;
        this.authentications = authentications;
        this.revocations = revocations;
        this.users = users;
        this.identity = identity;
        this.config = config;
        this.blocking = Schedulers.fromExecutorService(blockingExecutor, "token-check");
        this.accounts = Caffeine.newBuilder().expireAfterWrite(config.tokenAccountCacheTtl())
                .maximumSize(100_000).build();
    }

    @Override
    public Publisher<Authentication> validateToken(String token, @Nullable HttpRequest<?> request) {
        return Mono.from(validate(token, request)).flatMap(jwt -> Mono.justOrEmpty(
                authentications.createAuthentication(jwt)));
    }

    @Override
    public Publisher<JWT> validate(String token, @Nullable HttpRequest<?> request) {
        if (!allowedAlgorithm(token)) {
            return Mono.empty();
        }
        Mono<JWT> checked = Mono.from(delegate.validate(token, request))
                .filter(this::strictClaims)
                .flatMap(jwt -> Mono.fromCallable(() -> live(jwt) ? jwt : null).subscribeOn(blocking));
        // hand the outcome back to the connection's event loop: Micronaut finishes a WebSocket upgrade on the
        // thread that completes the security check, and finishing it elsewhere races the client's first frame
        // (seen as "No request state present" and a lost frame)
        if (request instanceof NettyHttpRequest<?> netty) {
            return checked.publishOn(Schedulers.fromExecutor(netty.getChannelHandlerContext().channel().eventLoop()));
        }
        return checked;
    }

    @Override
    public int getOrder() {
        return delegate.getOrder();
    }

    /// Forgets the cached state of `userId` on this node (after an admin changed it here).
    void forget(UUID userId) {
        accounts.invalidate(userId);
    }

    static boolean allowedAlgorithm(String token) {
        try {
            return JWTParser.parse(token) instanceof SignedJWT signed
                    && ALGORITHMS.contains(signed.getHeader().getAlgorithm());
        } catch (ParseException e) {
            return false;
        }
    }

    private boolean strictClaims(JWT jwt) {
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return false;
        }
        Instant now = Instant.now();
        Date exp = claims.getExpirationTime();
        Date nbf = claims.getNotBeforeTime();
        Date iat = claims.getIssueTime();
        String reason = null;
        if (exp == null || !exp.toInstant().isAfter(now)) {
            reason = "exp";
        } else if (nbf != null && nbf.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            reason = "nbf";
        } else if (iat == null || iat.toInstant().isAfter(now.plus(CLOCK_SKEW))
                || Duration.between(iat.toInstant(), exp.toInstant())
                        .compareTo(config.accessTokenTtl().plus(CLOCK_SKEW)) > 0) {
            reason = "iat";
        } else if (!identity.issuer().equals(claims.getIssuer())) {
            reason = "iss";
        } else if (claims.getAudience() == null || !claims.getAudience().contains(TokenIdentity.AUDIENCE)) {
            reason = "aud";
        } else if (claims.getJWTID() == null || claims.getJWTID().isBlank()) {
            reason = "jti";
        } else if (userId(claims) == null) {
            reason = "sub";
        }
        if (reason != null) {
            LOG.debug("Access token refused: claim={}", reason);
            return false;
        }
        return true;
    }

    /// Blocking: the shared revocations (Redis) and the account's status and role (cached, else PostgreSQL).
    private boolean live(JWT jwt) throws ParseException {
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        UUID userId = userId(claims);
        if (userId == null) {
            return false;
        }
        Object issued = claims.getClaim(AccessTokenRevocations.ISSUED_MILLIS);
        long issuedMillis = issued instanceof Number n ? n.longValue() : claims.getIssueTime().getTime();
        UUID family = uuid(claims.getClaim(AccessTokenRevocations.FAMILY));
        if (revocations.revoked(userId, claims.getJWTID(), family, issuedMillis)) {
            LOG.debug("Access token refused: revoked userId={}", userId);
            return false;
        }
        Optional<AccountState> account;
        try {
            account = accounts.get(userId, id -> users.findById(id).map(u -> new AccountState(u.status(), u.role())));
        } catch (RuntimeException e) {
            // PostgreSQL unreachable: the signed, unexpired, unrevoked token stands (disabling still acts through
            // the shared revocations); refusing every uncached caller would turn a store outage into a sign-out
            LOG.debug("Account not checked for access token, store unavailable: userId={} error={}", userId,
                    e.toString());
            return true;
        }
        if (account == null || account.isEmpty() || !User.ACTIVE.equals(account.get().status())) {
            LOG.debug("Access token refused: account missing or not active userId={}", userId);
            return false;
        }
        if (holdsClaimedRoles(claims, account.get())) {
            return true;
        }
        // The cached role may be older than the token: a token renewed right after a role change (on any node)
        // claims the new role. Read the account once more before refusing.
        accounts.invalidate(userId);
        Optional<AccountState> fresh;
        try {
            fresh = accounts.get(userId, id -> users.findById(id).map(u -> new AccountState(u.status(), u.role())));
        } catch (RuntimeException e) {
            return false;
        }
        boolean holds = fresh != null && fresh.isPresent() && User.ACTIVE.equals(fresh.get().status())
                && holdsClaimedRoles(claims, fresh.get());
        if (!holds) {
            LOG.debug("Access token refused: claimed role not held userId={}", userId);
        }
        return holds;
    }

    private static boolean holdsClaimedRoles(JWTClaimsSet claims, AccountState account) {
        Object roles = claims.getClaim("roles");
        if (roles instanceof Iterable<?> list) {
            for (Object role : list) {
                if (!account.role().equals(String.valueOf(role))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static @Nullable UUID userId(JWTClaimsSet claims) {
        return uuid(claims.getSubject());
    }

    private static @Nullable UUID uuid(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
