package com.convene.backend.account;

import com.nimbusds.jwt.JWT;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;

/// Wraps Micronaut's JWT validator bean in [StrictTokenValidator] as it is created, so every consumer of the bean
/// (the security filter's token fetcher, the WebSocket handshake) validates strictly. A listener, not
/// `@Replaces`: the framework's validator is package-private and stays the one that checks signatures.
@Singleton
final class StrictTokenValidatorInstaller
        implements BeanCreatedEventListener<ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>>> {

    private final Provider<JwtAuthenticationFactory> authentications;
    private final Provider<AccessTokenRevocations> revocations;
    private final Provider<UserRepository> users;
    private final Provider<TokenIdentity> identity;
    private final Provider<AccountConfig> config;
    private final Provider<ExecutorService> blocking;

    StrictTokenValidatorInstaller(Provider<JwtAuthenticationFactory> authentications,
                                  Provider<AccessTokenRevocations> revocations, Provider<UserRepository> users,
                                  Provider<TokenIdentity> identity, Provider<AccountConfig> config,
                                  @Named(TaskExecutors.BLOCKING) Provider<ExecutorService> blocking) {
        this.authentications = authentications;
        this.revocations = revocations;
        this.users = users;
        this.identity = identity;
        this.config = config;
        this.blocking = blocking;
    }

    @Override
    public ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> onCreated(
            BeanCreatedEvent<ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>>> event) {
        ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> bean = event.getBean();
        if (bean instanceof StrictTokenValidator) {
            return bean;
        }
        return new StrictTokenValidator(bean, authentications.get(), revocations.get(), users.get(), identity.get(),
                config.get(), blocking.get());
    }
}
