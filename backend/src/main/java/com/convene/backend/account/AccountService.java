package com.convene.backend.account;

import com.convene.backend.problem.FieldErrors;
import com.convene.backend.problem.ProblemException;
import com.convene.backend.problem.ProblemType;
import com.convene.model.api.LoginRequest;
import com.convene.model.api.LoginResponse;
import com.convene.model.api.ProfileUpdateRequest;
import com.convene.model.api.RefreshRequest;
import com.convene.model.api.RegisterRequest;
import com.convene.model.api.UserView;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
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

/// Registration, sign-in (with [SignInGuard]'s throttling; tokens from [SessionTokens]) and the own profile.
///
/// Blocking (JDBC and argon2id): call from a blocking executor. Thread-safe.
@Singleton
public class AccountService {

    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,100}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");

    private final UserRepository users;
    private final UserAuthRepository credentials;
    private final PasswordHasher hasher;
    private final AccountConfig config;
    private final SessionTokens sessions;
    private final SignInGuard guard;
    /// Verified against when the user name is unknown, so both paths cost one argon2id run (no timing oracle).
    private final String dummyHash;

    AccountService(UserRepository users, UserAuthRepository credentials, PasswordHasher hasher,
                   AccountConfig config, SessionTokens sessions, SignInGuard guard) {
        this.sessions = sessions;
        this.guard = guard;
        this.users = users;
        this.credentials = credentials;
        this.hasher = hasher;
        this.config = config;
        this.dummyHash = hasher.hash(UUID.randomUUID().toString());
    }

    /// Registers a member account.
    ///
    /// Closed unless `convene.account.registration-enabled` is true; then, when
    /// `convene.account.registration-allowed-domains` lists domains, only e-mail addresses of those domains.
    ///
    /// @throws ProblemException `registration-closed` (switched off, or the e-mail domain is not allowed),
    ///                          `validation` or `conflict` (user name or e-mail taken)
    @Transactional
    public UserView register(RegisterRequest request) {
        if (!config.registrationEnabled()) {
            throw new AccountException(ProblemType.REGISTRATION_CLOSED, "Self-registration is switched off; ask an administrator.");
        }
        String email = lower(request.email());
        if (!config.registrationAllowedDomains().isEmpty() && (email == null || email.indexOf('@') < 0
                || !config.registrationAllowedDomains().contains(email.substring(email.lastIndexOf('@') + 1)))) {
            throw new AccountException(ProblemType.REGISTRATION_CLOSED,
                    "Self-registration is open only to the organisation's e-mail domains; ask an administrator.");
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

    /// Checks credentials and issues an access token and a refresh token.
    ///
    /// Before the password is looked at, [SignInGuard] applies the per-address budget and the per account and
    /// address delay (docs/security.md): no lock-out, a wrong password from one address never slows another.
    /// Wrong passwords still count in `user_auth.failed_login_attempts` (shown to admins; a success resets it);
    /// `locked_until` is no longer set.
    ///
    /// @param request       user name or e-mail, and password
    /// @param clientAddress the caller's address from [com.convene.backend.config.ClientAddress]
    /// @param userAgent     the caller's `User-Agent`, for the admins' alert
    /// @throws ProblemException `too-many-requests`, `sign-in-throttled`, `invalid-credentials` or
    ///                          `account-disabled`
    public LoginResponse login(LoginRequest request, String clientAddress, @Nullable String userAgent) {
        String login = lower(request.username());
        if (login != null && login.length() > 255) {
            login = login.substring(0, 255);
        }
        String password = request.password() == null ? "" : request.password();
        Optional<User> found = login == null || login.isEmpty() ? Optional.empty()
                : login.contains("@") ? users.findByEmail(login) : users.findByUsername(login);
        String account = SignInGuard.account(found.orElse(null), login == null ? "" : login);
        guard.admit(account, found.orElse(null), clientAddress, userAgent);
        Optional<UserAuth> auth = found.flatMap(u -> credentials.findById(u.userId()));
        if (found.isEmpty() || auth.isEmpty()) {
            hasher.verify(password, dummyHash);
            throw invalidCredentials();
        }
        User user = found.get();
        UserAuth credential = auth.get();
        Instant now = now();
        if (!hasher.verify(password, credential.passwordHash())) {
            credentials.update(user.userId(), credential.failedLoginAttempts() + 1, null);
            throw invalidCredentials();
        }
        guard.succeeded(account, clientAddress);
        if (!User.ACTIVE.equals(user.status())) {
            throw new AccountException(ProblemType.ACCOUNT_DISABLED, "This account is disabled.");
        }
        if (credential.failedLoginAttempts() != 0 || credential.lockedUntil() != null) {
            credentials.update(user.userId(), 0, null);
        }
        users.update(user.userId(), now);
        LOG.debug("Login: userId={}", user.userId());
        User updated = new User(user.userId(), user.email(), user.username(), user.displayName(), user.avatarUrl(),
                user.timezone(), user.language(), user.accountType(), user.status(), user.createdAt(),
                user.updatedAt(), now, user.role());
        return sessions.issue(updated, UUID.randomUUID());
    }

    /// Changes the caller's own profile; absent fields stay.
    ///
    /// @throws ProblemException `validation` or `not-found`
    public UserView updateProfile(UUID userId, ProfileUpdateRequest request) {
        User user = users.findById(userId)
                .orElseThrow(() -> new AccountException(ProblemType.NOT_FOUND, "This account no longer exists."));
        FieldErrors errors = new FieldErrors();
        String displayName = request.displayName() == null ? user.displayName() : request.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > 200) {
            errors.add("displayName", "must be 1-200 characters");
        }
        String timeZone = request.timeZone() == null ? user.timezone() : request.timeZone().strip();
        if (!isZoneId(timeZone)) {
            errors.add("timeZone", "must be an IANA time-zone id such as Europe/Berlin");
        }
        String language = request.language() == null ? user.language() : request.language().strip();
        if (!LANGUAGE.matcher(language).matches()) {
            errors.add("language", "must be a BCP 47 language tag such as en or de-CH");
        }
        String avatarUrl = request.avatarUrl() == null ? user.avatarUrl()
                : request.avatarUrl().isBlank() ? null : request.avatarUrl().strip();
        if (avatarUrl != null && !isHttpUrl(avatarUrl)) {
            errors.add("avatarUrl", "must be an absolute http or https URL of at most 2000 characters");
        }
        errors.throwIfAny();
        Instant now = now();
        users.updateProfile(userId, displayName, timeZone, language, avatarUrl, now);
        return get(userId);
    }

    /// The account of `userId`.
    ///
    /// @throws ProblemException `not-found` when the account no longer exists
    public UserView get(UUID userId) {
        return users.findById(userId).map(AccountService::toView)
                .orElseThrow(() -> new AccountException(ProblemType.NOT_FOUND, "This account no longer exists."));
    }

    /// The account with this id, if any (for other features, e.g. invitations).
    public Optional<UserView> find(UUID userId) {
        return users.findById(userId).map(AccountService::toView);
    }

    /// The account with this e-mail address (case-insensitive), if any.
    public Optional<UserView> findByEmail(String email) {
        return users.findByEmail(email.strip().toLowerCase(Locale.ROOT)).map(AccountService::toView);
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
                u.language(), u.status(), u.createdAt(), u.lastLoginAt(), u.avatarUrl());
    }

    static boolean isHttpUrl(String text) {
        if (text.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static AccountException invalidCredentials() {
        return new AccountException(ProblemType.INVALID_CREDENTIALS, "The user name or password is wrong.");
    }

    static boolean isZoneId(String id) {
        return ZoneId.getAvailableZoneIds().contains(id) || "UTC".equals(id);
    }

    private static @Nullable String lower(@Nullable String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
