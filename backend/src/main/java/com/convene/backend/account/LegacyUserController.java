package com.convene.backend.account;

import com.convene.model.api.LoginRequest;
import com.convene.model.api.LoginResponse;
import com.convene.model.api.RegisterRequest;
import com.convene.model.api.UserView;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/// Seed 002's endpoint names, `POST /users/register` and `POST /users/login`, served by the same service as
/// `/api/v1/auth/*`. Kept for clients written against the seed's OpenAPI document.
@Controller("/users")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class LegacyUserController {

    private final AccountService accounts;

    LegacyUserController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Post("/register")
    HttpResponse<UserView> register(@Body RegisterRequest request) {
        return HttpResponse.created(accounts.register(request));
    }

    @Post("/login")
    LoginResponse login(@Body LoginRequest request) {
        return accounts.login(request);
    }
}
