package com.convene.backend.account;

import com.convene.model.api.LoginRequest;
import com.convene.model.api.LoginResponse;
import com.convene.model.api.RefreshRequest;
import com.convene.model.api.RegisterRequest;
import com.convene.model.api.UserView;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

/// `/api/v1/auth`: register, login, refresh and logout; open to anonymous callers (the credentials are in the body).
@Controller("/api/v1/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "auth")
@SecurityRequirements
final class AuthController {

    private final AccountService accounts;
    private final SessionTokens sessions;
    private final HttpClientAddressResolver addresses;

    AuthController(AccountService accounts, SessionTokens sessions, HttpClientAddressResolver addresses) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.addresses = addresses;
    }

    /// Registers a member; 201 with the account.
    @Operation(summary = "Register a member account")
    @Post("/register")
    HttpResponse<UserView> register(@Body RegisterRequest request) {
        return HttpResponse.created(accounts.register(request));
    }

    /// Logs in; 200 with a bearer access token and a refresh token.
    @Operation(summary = "Log in: access token (JWT) and refresh token")
    @Post("/login")
    LoginResponse login(@Body LoginRequest body, HttpRequest<?> request) {
        return accounts.login(body, clientAddress(addresses, request), request.getHeaders().get("User-Agent"));
    }

    /// Exchanges a refresh token for new tokens; the old refresh token is spent.
    @Operation(summary = "Rotate a refresh token into new tokens")
    @Post("/refresh")
    LoginResponse refresh(@Body RefreshRequest request) {
        return sessions.refresh(request);
    }

    /// Revokes a refresh token's family, the access tokens issued from it and, when the request carries a valid
    /// bearer token of the same user, that token (on every node); 204 even when the refresh token was already
    /// spent or is unknown (then nothing is revoked).
    @Operation(summary = "Log out: revoke a refresh token and its access tokens")
    @Post("/logout")
    HttpResponse<Void> logout(@Body RefreshRequest body, HttpRequest<?> request) {
        sessions.logout(body, validatedBearer(request));
        return HttpResponse.noContent();
    }

    /// The request's bearer token if Micronaut Security authenticated the request with it, else `null`.
    static @Nullable String validatedBearer(HttpRequest<?> request) {
        if (request.getUserPrincipal(Authentication.class).isEmpty()) {
            return null;
        }
        return request.getHeaders().getAuthorization()
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip()).orElse(null);
    }

    static String clientAddress(HttpClientAddressResolver addresses, HttpRequest<?> request) {
        String address = addresses.resolve(request);
        return address == null || address.isBlank() ? "unknown" : address;
    }
}
