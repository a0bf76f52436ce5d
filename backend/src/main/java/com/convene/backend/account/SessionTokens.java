package com.convene.backend.account;

import com.convene.backend.problem.ProblemException;
import com.convene.backend.problem.ProblemType;
import com.convene.model.api.LoginResponse;
import com.convene.model.api.RefreshRequest;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A signed-in device's tokens: issues the access token (JWT, RFC 7519) and refresh token of a sign-in, rotates
/// them on refresh and revokes them on logout (docs/decisions/030, 091).
///
/// Each sign-in starts a refresh-token family; refreshing spends the family's live token and issues the next one
/// in the same family. A spent token presented again revokes the family's refresh tokens and, through Redis, the
/// access tokens issued from it on every node ([AccessTokenRevocations]). Logout revokes the family the same way,
/// and the presented access token's `jti` when it belongs to the same user.
///
/// Blocking (JDBC, Redis): call from a blocking executor. Thread-safe.
@Singleton
class SessionTokens {

    private static final Logger LOG = LoggerFactory.getLogger(SessionTokens.class);

    private final TokenGenerator tokens;
    private final RefreshTokenStore refreshTokens;
    private final AccessTokenRevocations revocations;
    private final UserRepository users;
    private final AccountConfig config;

    SessionTokens(TokenGenerator tokens, RefreshTokenStore refreshTokens, AccessTokenRevocations revocations,
                  UserRepository users, AccountConfig config) {
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.users = users;
        this.config = config;
    }

    /// Issues an access token and a refresh token in `family` for `user`.
    LoginResponse issue(User user, UUID family) {
        int ttlSeconds = (int) config.accessTokenTtl().toSeconds();
        Authentication authentication = Authentication.build(user.userId().toString(), List.of(user.role()),
                Map.of("username", user.username(),
                        AccessTokenRevocations.ISSUED_MILLIS, System.currentTimeMillis(),
                        AccessTokenRevocations.FAMILY, family.toString()));
        String token = tokens.generateToken(authentication, ttlSeconds)
                .orElseThrow(() -> new ProblemException(ProblemType.INTERNAL, "The access token could not be issued."));
        String refresh = refreshTokens.issue(user.userId(), family);
        return new LoginResponse(token, "Bearer", ttlSeconds, AccountService.toView(user), refresh,
                config.refreshTokenTtl().toSeconds());
    }

    /// Exchanges a refresh token for a new access token and a new refresh token of the same family.
    ///
    /// @throws ProblemException `invalid-refresh-token` (unknown, expired, revoked, or reused: then the family is
    ///                          revoked too) or `account-disabled`
    public LoginResponse refresh(RefreshRequest request) {
        String token = request.refreshToken();
        if (token == null || token.isBlank() || token.length() > 200) {
            throw invalidRefreshToken();
        }
        RefreshTokenStore.Spent spent = refreshTokens.spend(token);
        return switch (spent) {
            case RefreshTokenStore.Unknown unknown -> throw invalidRefreshToken();
            case RefreshTokenStore.Reused reused -> {
                revocations.revokeFamily(reused.familyId());
                LOG.warn("Refresh token reused, family revoked: userId={} familyId={}", reused.userId(),
                        reused.familyId());
                throw invalidRefreshToken();
            }
            case RefreshTokenStore.Valid valid -> {
                User user = users.findById(valid.userId()).orElseThrow(SessionTokens::invalidRefreshToken);
                if (!User.ACTIVE.equals(user.status())) {
                    refreshTokens.revokeAll(user.userId());
                    throw new AccountException(ProblemType.ACCOUNT_DISABLED, "This account is disabled.");
                }
                yield issue(user, valid.familyId());
            }
        };
    }

    /// Logs a device out: revokes the refresh token's family and the access tokens issued from it, and the
    /// presented access token when it belongs to the same user. Idempotent: an unknown or spent token is not an
    /// error, so a client can always call this on sign-out; an unknown refresh token revokes nothing.
    ///
    /// @param bearer the request's bearer token when Micronaut Security validated it, else `null`
    public void logout(RefreshRequest request, @Nullable String bearer) {
        String token = request.refreshToken();
        UUID owner = null;
        if (token != null && !token.isBlank() && token.length() <= 200) {
            switch (refreshTokens.spend(token)) {
                case RefreshTokenStore.Valid valid -> {
                    refreshTokens.revokeFamily(valid.familyId());
                    revocations.revokeFamily(valid.familyId());
                    owner = valid.userId();
                    LOG.debug("Logout: userId={}", valid.userId());
                }
                case RefreshTokenStore.Reused reused -> {
                    revocations.revokeFamily(reused.familyId());
                    owner = reused.userId();
                }
                case RefreshTokenStore.Unknown unknown -> LOG.debug("Logout with an unknown refresh token");
            }
        }
        if (bearer != null && owner != null) {
            try {
                JWTClaimsSet claims = SignedJWT.parse(bearer).getJWTClaimsSet();
                if (owner.toString().equals(claims.getSubject()) && claims.getJWTID() != null
                        && claims.getExpirationTime() != null) {
                    revocations.revokeToken(claims.getJWTID(), claims.getExpirationTime().toInstant());
                }
            } catch (ParseException e) {
                LOG.debug("Logout bearer token not readable: {}", e.toString());
            }
        }
    }

    private static AccountException invalidRefreshToken() {
        return new AccountException(ProblemType.INVALID_REFRESH_TOKEN, "Sign in again: this refresh token is not valid.");
    }
}
