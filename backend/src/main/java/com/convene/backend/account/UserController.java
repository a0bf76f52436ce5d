package com.convene.backend.account;

import com.convene.backend.audit.Audited;
import com.convene.model.api.Page;
import com.convene.model.api.ProfileUpdateRequest;
import com.convene.model.api.RoleChangeRequest;
import com.convene.model.api.UserAdminView;
import com.convene.model.api.UserCreateRequest;
import com.convene.model.api.UserView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;

/// `/api/v1/users`: the caller's own profile (`/me`, any signed-in user) and account administration (admins).
///
/// Not `final`: [Audited] operations need Micronaut's generated subclass.
@Controller("/api/v1/users")
@Secured("admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "users")
class UserController {

    private final AccountService accounts;
    private final UserAdminService admin;

    UserController(AccountService accounts, UserAdminService admin) {
        this.accounts = accounts;
        this.admin = admin;
    }

    /// The caller's own account.
    @Operation(summary = "My account")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/me")
    UserView me(Authentication authentication) {
        return accounts.get(Caller.from(authentication).userId());
    }

    /// Changes the caller's profile: display name, time zone, language, avatar URL.
    @Operation(summary = "Update my profile")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Patch("/me")
    UserView updateMe(@Body ProfileUpdateRequest request, Authentication authentication) {
        return accounts.updateProfile(Caller.from(authentication).userId(), request);
    }

    /// Accounts in user-name order, with their lock-out state.
    ///
    /// @param status `active` or `suspended`
    /// @param role   `admin` or `member`
    /// @param cursor `nextCursor` of the previous page
    /// @param limit  page size, 1–500 (default 50)
    @Operation(summary = "List accounts (admin)")
    @Get
    Page<UserAdminView> list(@QueryValue @Nullable String status, @QueryValue @Nullable String role,
                             @QueryValue @Nullable String cursor, @QueryValue(defaultValue = "50") int limit) {
        return admin.list(status, role, cursor, limit);
    }

    /// Creates an account with a role; 201 with `Location`.
    @Operation(summary = "Create an account (admin)")
    @Audited(value = "user.create", target = "user")
    @Post
    HttpResponse<UserView> create(@Body UserCreateRequest request) {
        UserView user = admin.create(request);
        return HttpResponse.created(user, URI.create("/api/v1/users/" + user.id()));
    }

    /// One account with its lock-out state.
    @Operation(summary = "Get an account (admin)")
    @Get("/{id}")
    UserAdminView get(UUID id) {
        return admin.get(id);
    }

    /// Disables an account: refresh tokens revoked, access tokens refused, live connections closed.
    @Operation(summary = "Disable an account (admin)")
    @Audited(value = "user.disable", target = "user")
    @Post("/{id}/disable")
    UserAdminView disable(UUID id, Authentication authentication) {
        return admin.disable(Caller.from(authentication), id);
    }

    /// Enables a disabled account.
    @Operation(summary = "Enable an account (admin)")
    @Audited(value = "user.enable", target = "user")
    @Post("/{id}/enable")
    UserAdminView enable(UUID id, Authentication authentication) {
        return admin.enable(Caller.from(authentication), id);
    }

    /// Sets an account's role, `admin` or `member`.
    @Operation(summary = "Change an account's role (admin)")
    @Audited(value = "user.role", target = "user")
    @Put("/{id}/role")
    UserAdminView changeRole(UUID id, @Body RoleChangeRequest request, Authentication authentication) {
        return admin.changeRole(Caller.from(authentication), id, request.role());
    }

    /// Lifts a lock-out after too many failed logins.
    @Operation(summary = "Unlock an account (admin)")
    @Audited(value = "user.unlock", target = "user")
    @Post("/{id}/unlock")
    UserAdminView unlock(UUID id, Authentication authentication) {
        return admin.unlock(Caller.from(authentication), id);
    }
}
