package com.convene.backend.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.backend.BackendTestSupport;
import com.convene.backend.TestServices;
import com.convene.backend.devservices.RedisServerProcess;
import com.convene.backend.signaling.RedisProcesses;
import com.convene.model.api.LoginResponse;
import com.convene.model.api.RefreshRequest;
import com.convene.model.api.RegisterRequest;
import com.convene.model.api.UserView;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Sign-ins survive Redis (issue 12, item 4; docs/decisions/030-access-and-refresh-tokens.md): with the test's own
/// `redis-server` child process killed with SIGKILL and restarted empty, refresh tokens issued before still
/// refresh (also while Redis is down), rotation still spends the old token, logout and disabling still revoke,
/// PostgreSQL holds only SHA-256 hashes, and nothing is written to Redis for refresh tokens any more. A token
/// left in Redis by the previous version is honoured once.
@MicronautTest(transactional = false)
@Tag("fault")
class RefreshTokenRedisRestartIT extends BackendTestSupport {
    private static final String PASSWORD = "correct-horse-battery";
    private static RedisServerProcess redisServer;

    @Inject
    StatefulRedisConnection<String, String> redis;

    @Override
    public Map<String, String> getProperties() {
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            redisServer = RedisServerProcess.start(System.getProperty("convene.dev-services.redis-server",
                    "redis-server"), Path.of("target", "token-redis-restart").toAbsolutePath(), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> props = new HashMap<>(TestServices.properties());
        props.put("redis.uri", redisServer.uri());
        return props;
    }

    @AfterAll
    void stopRedis() {
        if (redisServer != null) {
            redisServer.close();
        }
    }

    @Test
    void signedInAppsStaySignedInAcrossARedisKillAndEmptyRestartAndRevocationStillWorks() throws Exception {
        String name = register();
        LoginResponse desktop = login(name, PASSWORD);
        LoginResponse laptop = login(name, PASSWORD);
        LoginResponse spare = login(name, PASSWORD);
        String otherName = register();
        LoginResponse other = login(otherName, PASSWORD);
        String admin = adminToken();
        assertThat(redis.sync().keys("refresh_token:*")).as("refresh tokens written to Redis").isEmpty();
        assertThat(storedHashes(desktop.user().id()))
                .contains(RefreshTokenStore.hash(desktop.refreshToken()))
                .doesNotContain(desktop.refreshToken());

        redis.sync().set("restart-marker", "1");
        killRedis();
        // while Redis is down: refreshing needs only PostgreSQL
        LoginResponse laptop2 = refresh(laptop.refreshToken());
        assertThat(me(laptop2.accessToken()).id()).isEqualTo(laptop.user().id());
        redisServer.restart();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ping());
        assertThat(redis.sync().exists("restart-marker")).as("Redis came back empty").isZero();

        // after the empty restart: the tokens issued before still refresh
        LoginResponse desktop2 = refresh(desktop.refreshToken());
        assertThat(desktop2.refreshToken()).isNotEqualTo(desktop.refreshToken());
        assertThat(me(desktop2.accessToken()).id()).isEqualTo(desktop.user().id());
        // rotation: the spent token is refused
        HttpResponse<?> reused = expectError(() -> refresh(desktop.refreshToken()));
        assertThat(reused.code()).isEqualTo(401);
        assertThat(problem(reused).type()).isEqualTo("urn:convene:problem:invalid-refresh-token");
        // sign-out revokes
        assertThat(client.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/logout",
                new RefreshRequest(desktop2.refreshToken()))).code()).isEqualTo(204);
        assertThat(problem(expectError(() -> refresh(desktop2.refreshToken()))).type())
                .isEqualTo("urn:convene:problem:invalid-refresh-token");
        // the other sessions of the same user are untouched by that sign-out
        assertThat(refresh(spare.refreshToken()).accessToken()).isNotBlank();
        // disabling revokes every refresh token of the user
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/users/" + other.user().id() + "/disable", "")
                .bearerAuth(admin));
        HttpResponse<?> disabled = expectError(() -> refresh(other.refreshToken()));
        assertThat(disabled.code()).isEqualTo(401);
        assertThat(problem(disabled).type()).isEqualTo("urn:convene:problem:invalid-refresh-token");
        assertThat(storedHashes(other.user().id())).isEmpty();
    }

    @Test
    void aRefreshTokenLeftInRedisByThePreviousVersionWorksOnce() {
        String name = register();
        UUID userId = login(name, PASSWORD).user().id();
        String legacy = "legacy-" + UUID.randomUUID();
        String hash = RefreshTokenStore.hash(legacy);
        redis.sync().setex(LegacyRefreshTokens.tokenKey(hash), 3600, userId.toString());
        redis.sync().sadd(LegacyRefreshTokens.userKey(userId), hash);

        LoginResponse renewed = refresh(legacy);
        assertThat(renewed.user().id()).isEqualTo(userId);
        assertThat(redis.sync().exists(LegacyRefreshTokens.tokenKey(hash))).isZero();
        assertThat(problem(expectError(() -> refresh(legacy))).type())
                .isEqualTo("urn:convene:problem:invalid-refresh-token");
        assertThat(refresh(renewed.refreshToken()).accessToken()).isNotBlank();
    }

    private boolean ping() {
        try {
            return "PONG".equals(redis.sync().ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private List<String> storedHashes(UUID userId) throws Exception {
        List<String> hashes = new ArrayList<>();
        try (Connection c = database();
             PreparedStatement s = c.prepareStatement(
                     "SELECT token_hash FROM refresh_tokens WHERE user_id = ? AND expires_at > now()")) {
            s.setObject(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    hashes.add(rs.getString(1));
                }
            }
        }
        return hashes;
    }

    /// SIGKILL to the test's redis-server (found among this JVM's children by its port).
    private static void killRedis() throws InterruptedException {
        ProcessHandle process = RedisProcesses.find(redisServer.port());
        process.destroyForcibly();
        process.onExit().join();
    }

    private String register() {
        String name = "rtr-" + UUID.randomUUID().toString().substring(0, 8);
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/register",
                new RegisterRequest(name, name + "@example.test", PASSWORD, null, null)));
        return name;
    }

    private LoginResponse refresh(String refreshToken) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/refresh", new RefreshRequest(refreshToken)),
                LoginResponse.class);
    }

    private UserView me(String accessToken) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/v1/users/me").bearerAuth(accessToken),
                UserView.class);
    }

    /// A connection of its own (outside the application's transaction-bound data source).
    private static Connection database() throws SQLException {
        return DriverManager.getConnection(TestServices.properties().get("datasources.default.url"),
        "postgres", "");
    }
}
