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

/// `POST /api/v1/auth/register` and `POST /api/v1/auth/login`: open to anonymous callers.
@Controller("/api/v1/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuthController {

    private final AccountService accounts;

    AuthController(AccountService accounts) {
        this.accounts = accounts;
    }

    /// Registers a member; 201 with the account.
    @Post("/register")
    HttpResponse<UserView> register(@Body RegisterRequest request) {
        return HttpResponse.created(accounts.register(request));
    }

    /// Logs in; 200 with a bearer token.
    @Post("/login")
    LoginResponse login(@Body LoginRequest request) {
        return accounts.login(request);
    }
}
