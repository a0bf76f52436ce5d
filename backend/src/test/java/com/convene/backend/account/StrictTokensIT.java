package com.convene.backend.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.convene.backend.TestServices;
import com.convene.backend.config.JwtSecretFile;
import com.convene.model.api.LoginResponse;
import com.convene.model.api.RefreshRequest;
import com.convene.model.api.UserView;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/// Issue 15, finding 7 (tokens), replayed over HTTP against two real backend nodes (this test's server, "node A",
/// and a second embedded server, "node B", on the same PostgreSQL and Redis): forged tokens signed with the real
/// secret but with a bad claim are refused; a replayed refresh token revokes its whole family; logout and
/// disabling on node A are honoured at once on node B.
@MicronautTest(transactional = false)
class StrictTokensIT extends BackendTestSupport {

    private EmbeddedServer nodeB;
    private HttpClient clientB;
    private byte[] secret;

    @BeforeAll
    void startNodeB() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("micronaut.server.port", "-1");
        properties.put("convene.outbox.directory", Path.of("target", "outbox-node-b").toAbsolutePath().toString());
        properties.put("convene.lifecycle.node-id", "strict-tokens-node-b");
        properties.put("convene.bootstrap.admin.password", TestServices.ADMIN_PASSWORD);
        nodeB = ApplicationContext.run(EmbeddedServer.class, properties);
        clientB = HttpClient.create(nodeB.getURL());
        secret = TestServices.properties().get(JwtSecretFile.PROPERTY).getBytes(StandardCharsets.UTF_8);
    }

    @AfterAll
    void stopNodeB() {
        if (clientB != null) {
            clientB.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void forgedTokensWithABadClaimAreRefused() throws JOSEException {
        LoginResponse member = login(register(), "correct-horse-battery");
        UUID id = member.user().id();
        // the forging is right: a token with every claim as the server writes them is accepted ...
        assertThat(meStatus(forge(JWSAlgorithm.HS256, id, "member", b -> b))).isEqualTo(200);
        // ... so each refusal below is for the one claim changed
        Instant now = Instant.now();
        Map<String, UnaryOperator<JWTClaimsSet.Builder>> attacks = Map.of(
                "nbf in the future", b -> b.notBeforeTime(Date.from(now.plusSeconds(600))),
                "no exp", b -> b.expirationTime(null),
                "wrong iss", b -> b.issuer("someone-else"),
                "no iss", b -> b.issuer(null),
                "wrong aud", b -> b.audience("another-api"),
                "no jti", b -> b.jwtID(null),
                "exp a year away", b -> b.expirationTime(Date.from(now.plusSeconds(365L * 86400))),
                "admin role for a member", b -> b.claim("roles", List.of("admin")));
        attacks.forEach((name, attack) -> {
            try {
                assertThat(meStatus(forge(JWSAlgorithm.HS256, id, "member", attack))).as(name).isEqualTo(401);
            } catch (JOSEException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(meStatus(forge(JWSAlgorithm.HS512, id, "member", b -> b))).as("HS512").isEqualTo(401);
        String unsigned = new PlainJWT(claims(id, "member").build()).serialize();
        assertThat(meStatus(unsigned)).as("alg none").isEqualTo(401);

        // a user that does not exist, carrying the admin role
        String ghost = forge(JWSAlgorithm.HS256, UUID.randomUUID(), "admin", b -> b);
        HttpResponse<?> listed = expectError(() -> client.toBlocking().exchange(HttpRequest.GET("/api/v1/users")
                .bearerAuth(ghost)));
        assertThat(listed.code()).isEqualTo(401);
    }

    @Test
    void aReplayedRefreshTokenRevokesItsWholeFamily() {
        LoginResponse first = login(register(), "correct-horse-battery");
        LoginResponse second = refresh(first.refreshToken());
        assertThat(meStatus(second.accessToken())).isEqualTo(200);

        // the thief replays the spent token: refused, and the family goes with it
        HttpResponse<?> replay = expectError(() -> refresh(first.refreshToken()));
        assertThat(problem(replay).type()).isEqualTo("urn:convene:problem:invalid-refresh-token");
        HttpResponse<?> sibling = expectError(() -> refresh(second.refreshToken()));
        assertThat(problem(sibling).type()).isEqualTo("urn:convene:problem:invalid-refresh-token");
        assertThat(meStatus(second.accessToken())).isEqualTo(401);
        assertThat(meStatusOnB(second.accessToken())).isEqualTo(401);
        // another device of the same user (its own family) is untouched
        LoginResponse laptop = login(first.user().username(), "correct-horse-battery");
        assertThat(refresh(laptop.refreshToken()).user().id()).isEqualTo(first.user().id());
    }

    @Test
    void logoutOnNodeAIsRefusedOnNodeB() {
        LoginResponse session = login(register(), "correct-horse-battery");
        assertThat(meStatusOnB(session.accessToken())).isEqualTo(200);

        client.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/logout",
                new RefreshRequest(session.refreshToken())).bearerAuth(session.accessToken()));

        assertThat(meStatusOnB(session.accessToken())).isEqualTo(401);
        assertThat(meStatus(session.accessToken())).isEqualTo(401);
    }

    @Test
    void disablingOnNodeAIsRefusedOnNodeB() {
        LoginResponse session = login(register(), "correct-horse-battery");
        assertThat(meStatusOnB(session.accessToken())).isEqualTo(200);

        client.toBlocking().exchange(HttpRequest.POST("/api/v1/users/" + session.user().id() + "/disable", "")
                .bearerAuth(adminToken()));

        assertThat(meStatusOnB(session.accessToken())).isEqualTo(401);
    }

    private String forge(JWSAlgorithm algorithm, UUID subject, String role,
                         UnaryOperator<JWTClaimsSet.Builder> attack) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), attack.apply(claims(subject, role)).build());
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    /// The claims exactly as the server issues them (see [TokenIdentity] and [SessionTokens]).
    private static JWTClaimsSet.Builder claims(UUID subject, String role) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject.toString()).issuer("convene-backend")
                .audience(TokenIdentity.AUDIENCE).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(900)))
                .claim("roles", List.of(role)).claim("username", "forged")
                .claim(AccessTokenRevocations.ISSUED_MILLIS, now.toEpochMilli());
    }

    private int meStatus(String token) {
        return status(client, token);
    }

    private int meStatusOnB(String token) {
        return status(clientB, token);
    }

    private static int status(HttpClient http, String token) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET("/api/v1/users/me").bearerAuth(token), UserView.class)
                    .code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private LoginResponse refresh(String refreshToken) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/refresh", new RefreshRequest(refreshToken)),
                LoginResponse.class);
    }

    private String register() {
        String name = "jwt-" + UUID.randomUUID().toString().substring(0, 8);
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/register", Map.of("username", name,
                "email", name + "@example.test", "password", "correct-horse-battery")));
        return name;
    }
}
