package com.convene.backend.account;

import com.convene.backend.problem.FieldErrors;
import com.convene.backend.problem.ProblemException;
import com.convene.backend.problem.ProblemType;
import com.convene.model.api.Page;
import com.convene.model.api.RegisterRequest;
import com.convene.model.api.UserAdminView;
import com.convene.model.api.UserCreateRequest;
import com.convene.model.api.UserView;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// What administrators do to accounts: list, create, disable and enable, change role, lift sign-in delays.
///
/// Disabling revokes the account's refresh tokens (Redis), refuses its access tokens from now on
/// ([AccessTokenRevocations]) and publishes [UserDisabledEvent] so live connections can be closed.
/// The caller's role is checked by the controller (`@Secured("admin")`); self-protection rules (an admin cannot
/// disable or demote themself) are checked here.
///
/// Blocking (JDBC, Redis): call from a blocking executor. Thread-safe.
@Singleton
public class UserAdminService {

    private static final Logger LOG = LoggerFactory.getLogger(UserAdminService.class);
    /// `users.status` of a disabled account (seed 000: active, suspended, deleted).
    static final String SUSPENDED = "suspended";

    private final UserRepository users;
    private final UserAuthRepository credentials;
    private final AccountService accounts;
    private final RefreshTokenStore refreshTokens;
    private final AccessTokenRevocations revocations;
    private final ApplicationEventPublisher<UserDisabledEvent> disabledEvents;
    private final SignInGuard signIn;

    UserAdminService(UserRepository users, UserAuthRepository credentials, AccountService accounts,
                     RefreshTokenStore refreshTokens, AccessTokenRevocations revocations,
                     ApplicationEventPublisher<UserDisabledEvent> disabledEvents, SignInGuard signIn) {
        this.signIn = signIn;
        this.users = users;
        this.credentials = credentials;
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.disabledEvents = disabledEvents;
    }

    /// One page of accounts in user-name order.
    ///
    /// @param status `active` or `suspended`, or `null` for all
    /// @param role   `admin` or `member`, or `null` for all
    /// @param cursor `nextCursor` of the previous page, or `null`
    /// @param limit  page size, 1–500
    /// @throws ProblemException `validation` for a bad filter, cursor or limit
    public Page<UserAdminView> list(@Nullable String status, @Nullable String role, @Nullable String cursor,
                                    int limit) {
        FieldErrors errors = new FieldErrors();
        if (status != null && !List.of(User.ACTIVE, SUSPENDED, "deleted").contains(status)) {
            errors.add("status", "must be active, suspended or deleted");
        }
        if (role != null && !List.of("admin", "member").contains(role)) {
            errors.add("role", "must be admin or member");
        }
        if (limit < 1 || limit > 500) {
            errors.add("limit", "must be between 1 and 500");
        }
        String after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                errors.add("cursor", "is not a cursor this API returned");
            }
        }
        errors.throwIfAny();
        List<User> rows = users.page(after, status, role, limit + 1);
        boolean more = rows.size() > limit;
        List<User> page = more ? rows.subList(0, limit) : rows;
        String next = more ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(page.getLast().username().getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(page.stream().map(this::adminView).toList(), next);
    }

    /// One account with its lock-out state.
    ///
    /// @throws ProblemException `not-found`
    public UserAdminView get(UUID userId) {
        return adminView(require(userId));
    }

    /// Creates an account with a chosen role (default member).
    ///
    /// @throws ProblemException `validation` or `conflict`
    public UserView create(UserCreateRequest request) {
        Role role = Role.MEMBER;
        if (request.role() != null) {
            try {
                role = Role.fromWire(request.role().strip());
            } catch (IllegalArgumentException e) {
                FieldErrors errors = new FieldErrors();
                errors.add("role", "must be admin or member");
                errors.throwIfAny();
            }
        }
        return accounts.create(new RegisterRequest(request.username(), request.email(), request.password(),
                request.displayName(), request.timeZone()), role);
    }

    /// Disables an account: its refresh tokens stop working, its access tokens are refused and
    /// [UserDisabledEvent] is published. Idempotent.
    ///
    /// @throws ProblemException `not-found` or `conflict` (an admin disabling themself)
    public UserAdminView disable(Caller actor, UUID userId) {
        User user = require(userId);
        if (actor.userId().equals(userId)) {
            throw new AccountException(ProblemType.CONFLICT, "You cannot disable your own account.");
        }
        Instant now = now();
        users.updateStatus(userId, SUSPENDED, now);
        long revoked = refreshTokens.revokeAll(userId);
        revocations.revokeAll(userId);
        LOG.info("Account disabled: userId={} by userId={} refreshTokensRevoked={}", userId, actor.userId(), revoked);
        disabledEvents.publishEvent(new UserDisabledEvent(user.userId(), now, actor.userId()));
        return get(userId);
    }

    /// Enables a disabled account. Tokens revoked at disabling stay revoked; the user signs in again. Idempotent.
    ///
    /// @throws ProblemException `not-found`
    public UserAdminView enable(Caller actor, UUID userId) {
        require(userId);
        users.updateStatus(userId, User.ACTIVE, now());
        LOG.info("Account enabled: userId={} by userId={}", userId, actor.userId());
        return get(userId);
    }

    /// Changes an account's role; its current access tokens are refused (they carry the old role), its refresh
    /// tokens go on and yield tokens with the new role.
    ///
    /// @throws ProblemException `validation`, `not-found` or `conflict` (an admin changing their own role)
    public UserAdminView changeRole(Caller actor, UUID userId, @Nullable String roleName) {
        Role role;
        try {
            role = Role.fromWire(roleName == null ? "" : roleName.strip());
        } catch (IllegalArgumentException e) {
            FieldErrors errors = new FieldErrors();
            errors.add("role", "must be admin or member");
            errors.throwIfAny();
            throw new IllegalStateException("unreachable");
        }
        User user = require(userId);
        if (actor.userId().equals(userId)) {
            throw new AccountException(ProblemType.CONFLICT, "You cannot change your own role.");
        }
        if (!user.role().equals(role.wireName())) {
            users.updateRole(userId, role.wireName(), now());
            revocations.revokeAll(userId);
            LOG.info("Role changed: userId={} role={} by userId={}", userId, role.wireName(), actor.userId());
        }
        return get(userId);
    }

    /// Clears the failed-login count and lifts every sign-in delay on the account (all addresses; Redis), and
    /// a lock-out left from before sign-in throttling replaced it. Idempotent.
    ///
    /// @throws ProblemException `not-found`
    public UserAdminView unlock(Caller actor, UUID userId) {
        User user = require(userId);
        credentials.update(userId, 0, null);
        signIn.clear(user);
        LOG.info("Account unlocked: userId={} by userId={}", userId, actor.userId());
        return get(userId);
    }

    private UserAdminView adminView(User user) {
        UserAuth auth = credentials.findById(user.userId()).orElse(null);
        Instant lockedUntil = auth == null ? null : auth.lockedUntil();
        boolean locked = lockedUntil != null && Instant.now().isBefore(lockedUntil);
        return new UserAdminView(AccountService.toView(user), auth == null ? 0 : auth.failedLoginAttempts(),
                lockedUntil, locked);
    }

    private User require(UUID userId) {
        return users.findById(userId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No account has this id."));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
