package com.convene.backend.account;

import com.convene.backend.problem.FieldErrors;
import com.convene.backend.problem.ProblemException;
import com.convene.backend.problem.ProblemType;
import com.convene.model.api.LoginRequest;
import com.convene.model.api.LoginResponse;
import com.convene.model.api.RegisterRequest;
import com.convene.model.api.UserView;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Registration, login and account look-up.
///
/// Blocking (JDBC and argon2id): call from a blocking executor. Thread-safe.
@Singleton
public class AccountService {

    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,100}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final UserRepository users;
    private final UserAuthRepository credentials;
    private final PasswordHasher hasher;
    private final TokenGenerator tokens;
    private final AccountConfig config;
    /// Verified against when the user name is unknown, so both paths cost one argon2id run (no timing oracle).
    private final String dummyHash;

    AccountService(UserRepository users, UserAuthRepository credentials, PasswordHasher hasher,
                   TokenGenerator tokens, AccountConfig config) {
        this.users = users;
        this.credentials = credentials;
        this.hasher = hasher;
        this.tokens = tokens;
        this.config = config;
        this.dummyHash = hasher.hash(UUID.randomUUID().toString());
    }

    /// Registers a member account.
    ///
    /// @throws ProblemException `registration-closed`, `validation` or `conflict` (user name or e-mail taken)
    @Transactional
    public UserView register(RegisterRequest request) {
        if (!config.registrationEnabled()) {
            throw new AccountException(ProblemType.REGISTRATION_CLOSED, "Self-registration is switched off; ask an administrator.");
        }
        return create(request, Role.MEMBER);
    }

    /// Creates an account with the given role after validating the request.
    ///
    /// @throws ProblemException `validation` or `conflict`
    @Transactional
    public UserView create(RegisterRequest request, Role role) {
        FieldErrors errors = new FieldErrors();
        String username = lower(request.username());
        String email = lower(request.email());
        if (username == null || username.isBlank()) {
            errors.add("username", "must not be blank");
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add("username", "must be 3-100 characters of letters, digits, '.', '_' or '-'");
        }
        if (email == null || email.isBlank()) {
            errors.add("email", "must not be blank");
        } else if (email.length() > 255 || !EMAIL.matcher(email).matches()) {
            errors.add("email", "must be a valid e-mail address");
        }
        String password = request.password();
        if (password == null || password.length() < 10) {
            errors.add("password", "must be at least 10 characters");
        } else if (password.length() > 256) {
            errors.add("password", "must be at most 256 characters");
        }
        String displayName = request.displayName() == null || request.displayName().isBlank()
                ? request.username() : request.displayName().strip();
        if (displayName != null && displayName.length() > 200) {
            errors.add("displayName", "must be at most 200 characters");
        }
        String timeZone = request.timeZone() == null || request.timeZone().isBlank() ? "UTC" : request.timeZone();
        if (!isZoneId(timeZone)) {
            errors.add("timeZone", "must be an IANA time-zone id such as Europe/Berlin");
        }
        errors.throwIfAny();

        if (users.existsByUsername(username)) {
            throw new AccountException(ProblemType.CONFLICT, "This user name is already taken.");
        }
        if (users.existsByEmail(email)) {
            throw new AccountException(ProblemType.CONFLICT, "An account with this e-mail address already exists.");
        }
        Instant now = now();
        UUID id = UUID.randomUUID();
        String hash = hasher.hash(password);
        User user = new User(id, email, username, displayName, null, timeZone, "en", "basic", User.ACTIVE,
                now, now, null, role.wireName());
        try {
            users.save(user);
            credentials.save(new UserAuth(id, hash, PasswordHasher.saltOf(hash), false, null, 0, null, now));
        } catch (DataAccessException e) {
            // Lost a race against a concurrent registration of the same name or address.
            throw new ProblemException(ProblemType.CONFLICT, "This user name or e-mail address is already taken.",
                    List.of(), e);
        }
        LOG.info("Account created: userId={} role={}", id, role.wireName());
        return toView(user);
    }

    /// Checks credentials and issues an access token.
    ///
    /// @param request user name or e-mail, and password
    /// @throws ProblemException `invalid-credentials`, `account-locked` or `account-disabled`
    public LoginResponse login(LoginRequest request) {
        String login = lower(request.username());
        String password = request.password() == null ? "" : request.password();
        Optional<User> found = login == null ? Optional.empty()
                : login.contains("@") ? users.findByEmail(login) : users.findByUsername(login);
        Optional<UserAuth> auth = found.flatMap(u -> credentials.findById(u.userId()));
        if (found.isEmpty() || auth.isEmpty()) {
            hasher.verify(password, dummyHash);
            throw invalidCredentials();
        }
        User user = found.get();
        UserAuth credential = auth.get();
        Instant now = now();
        if (credential.lockedUntil() != null && now.isBefore(credential.lockedUntil())) {
            throw new AccountException(ProblemType.ACCOUNT_LOCKED, "Too many failed logins; try again later.");
        }
        if (!hasher.verify(password, credential.passwordHash())) {
            int failures = credential.failedLoginAttempts() + 1;
            if (failures >= config.maxFailedLogins()) {
                credentials.update(user.userId(), 0, now.plus(config.lockDuration()));
                LOG.warn("Account locked after {} failed logins: userId={}", failures, user.userId());
            } else {
                credentials.update(user.userId(), failures, null);
            }
            throw invalidCredentials();
        }
        if (!User.ACTIVE.equals(user.status())) {
            throw new AccountException(ProblemType.ACCOUNT_DISABLED, "This account is disabled.");
        }
        if (credential.failedLoginAttempts() != 0 || credential.lockedUntil() != null) {
            credentials.update(user.userId(), 0, null);
        }
        users.update(user.userId(), now);
        int ttlSeconds = (int) config.accessTokenTtl().toSeconds();
        Authentication authentication = Authentication.build(user.userId().toString(), List.of(user.role()),
                Map.of("username", user.username()));
        String token = tokens.generateToken(authentication, ttlSeconds)
                .orElseThrow(() -> new ProblemException(ProblemType.INTERNAL, "The access token could not be issued."));
        LOG.debug("Login: userId={}", user.userId());
        User updated = new User(user.userId(), user.email(), user.username(), user.displayName(), user.avatarUrl(),
                user.timezone(), user.language(), user.accountType(), user.status(), user.createdAt(),
                user.updatedAt(), now, user.role());
        return new LoginResponse(token, "Bearer", ttlSeconds, toView(updated));
    }

    /// The account of `userId`.
    ///
    /// @throws ProblemException `not-found` when the account no longer exists
    public UserView get(UUID userId) {
        return users.findById(userId).map(AccountService::toView)
                .orElseThrow(() -> new AccountException(ProblemType.NOT_FOUND, "This account no longer exists."));
    }

    /// Whether any account holds `role`.
    public boolean existsWithRole(Role role) {
        return users.existsByRole(role.wireName());
    }

    /// Whether the user name (case-insensitive) is taken.
    public boolean usernameTaken(String username) {
        return users.existsByUsername(username.toLowerCase(Locale.ROOT));
    }

    static UserView toView(User u) {
        return new UserView(u.userId(), u.username(), u.email(), u.displayName(), u.role(), u.timezone(),
                u.language(), u.status(), u.createdAt(), u.lastLoginAt());
    }

    private static AccountException invalidCredentials() {
        return new AccountException(ProblemType.INVALID_CREDENTIALS, "The user name or password is wrong.");
    }

    private static boolean isZoneId(String id) {
        return ZoneId.getAvailableZoneIds().contains(id) || "UTC".equals(id);
    }

    private static @Nullable String lower(@Nullable String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
