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
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/// `/api/v1/auth`: register, login, refresh and logout; open to anonymous callers (the credentials are in the body).
@Controller("/api/v1/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "auth")
@SecurityRequirements
final class AuthController {

    private final AccountService accounts;
    private final HttpClientAddressResolver addresses;

    AuthController(AccountService accounts, HttpClientAddressResolver addresses) {
        this.accounts = accounts;
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
        return accounts.login(body, clientAddress(addresses, request));
    }

    /// Exchanges a refresh token for new tokens; the old refresh token is spent.
    @Operation(summary = "Rotate a refresh token into new tokens")
    @Post("/refresh")
    LoginResponse refresh(@Body RefreshRequest request) {
        return accounts.refresh(request);
    }

    /// Revokes a refresh token; 204 even when it was already spent.
    @Operation(summary = "Log out: revoke a refresh token")
    @Post("/logout")
    HttpResponse<Void> logout(@Body RefreshRequest request) {
        accounts.logout(request);
        return HttpResponse.noContent();
    }

    static String clientAddress(HttpClientAddressResolver addresses, HttpRequest<?> request) {
        String address = addresses.resolve(request);
        return address == null || address.isBlank() ? "unknown" : address;
    }
}
