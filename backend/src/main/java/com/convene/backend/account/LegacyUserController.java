package com.convene.backend.account;

import com.convene.model.api.LoginRequest;
import com.convene.model.api.LoginResponse;
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

/// Seed 002's endpoint names, `POST /users/register` and `POST /users/login`, served by the same service as
/// `/api/v1/auth/*`. Kept for clients written against the seed's OpenAPI document.
@Controller("/users")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "seed-002")
@SecurityRequirements
final class LegacyUserController {

    private final AccountService accounts;
    private final HttpClientAddressResolver addresses;

    LegacyUserController(AccountService accounts, HttpClientAddressResolver addresses) {
        this.accounts = accounts;
        this.addresses = addresses;
    }

    @Operation(summary = "Register (seed 002 alias of POST /api/v1/auth/register)")
    @Post("/register")
    HttpResponse<UserView> register(@Body RegisterRequest request) {
        return HttpResponse.created(accounts.register(request));
    }

    @Operation(summary = "Log in (seed 002 alias of POST /api/v1/auth/login)")
    @Post("/login")
    LoginResponse login(@Body LoginRequest body, HttpRequest<?> request) {
        return accounts.login(body, AuthController.clientAddress(addresses, request),
                request.getHeaders().get("User-Agent"));
    }
}
