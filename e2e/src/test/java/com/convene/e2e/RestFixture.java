package com.convene.e2e;

import com.convene.model.api.LoginResponse;
import com.convene.model.api.MeetingView;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/// What an admin or user does over the REST API with plain JSON, as curl would: register, log in, schedule.
final class RestFixture {
  private final URI base;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json =
      new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  RestFixture(URI base) {
    this.base = base;
  }

  /// A user's credentials.
  record Account(String username, String password, String token) {}

  String login(String username, String password) {
    return post("/api/v1/auth/login", Map.of("username", username, "password", password), null, LoginResponse.class)
        .accessToken();
  }

  Account admin() {
    return new Account(
        E2eBackend.ADMIN_USERNAME,
        E2eBackend.ADMIN_PASSWORD,
        login(E2eBackend.ADMIN_USERNAME, E2eBackend.ADMIN_PASSWORD));
  }

  /// Registers a fresh member (unique name from `prefix`) and logs in.
  Account newMember(String prefix) {
    String name = prefix.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "correct-horse-" + name;
    post(
        "/api/v1/auth/register",
        Map.of("username", name, "email", name + "@example.test", "password", password, "displayName", prefix),
        null,
        Map.class);
    return new Account(name, password, login(name, password));
  }

  /// Schedules a meeting starting in a minute, as `token`'s user, without a waiting room.
  MeetingView scheduleMeeting(String token, String title) {
    return scheduleMeeting(token, title, Map.of("waitingRoomEnabled", false));
  }

  /// Schedules a meeting starting in a minute, as `token`'s user, with `settings` (e.g. `requirePassword`,
  /// `password`, `waitingRoomEnabled`, `recordingEnabled`) on top of the server's defaults.
  MeetingView scheduleMeeting(String token, String title, Map<String, Object> settings) {
    Instant start = Instant.now().plus(1, ChronoUnit.MINUTES);
    Map<String, Object> body = new java.util.HashMap<>(settings);
    body.put("title", title);
    body.put("scheduledStart", start.toString());
    body.put("scheduledEnd", start.plus(1, ChronoUnit.HOURS).toString());
    body.put("timeZone", "Europe/Berlin");
    return post("/api/v1/meetings", body, token, MeetingView.class);
  }

  /// A GET as `token`'s user with extra headers; any status (the caller asserts it).
  HttpResponse<byte[]> get(String path, String token, Map<String, String> headers) {
    HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token);
    headers.forEach(req::header);
    return send(req.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /// A GET of JSON as `token`'s user; fails on a non-2xx status.
  <T> T getJson(String path, String token, com.fasterxml.jackson.core.type.TypeReference<T> type) {
    HttpResponse<byte[]> res = get(path, token, Map.of());
    if (res.statusCode() / 100 != 2) {
      throw new AssertionError("GET " + path + " -> " + res.statusCode() + " " + new String(res.body()));
    }
    try {
      return json.readValue(res.body(), type);
    } catch (IOException e) {
      throw new AssertionError("GET " + path + " returned unreadable JSON", e);
    }
  }

  /// A PATCH of JSON as `token`'s user; fails on a non-2xx status.
  <T> T patch(String path, Object body, String token, Class<T> type) {
    return withBody("PATCH", path, body, token, type);
  }

  /// A PUT of JSON as `token`'s user; fails on a non-2xx status.
  <T> T put(String path, Object body, String token, Class<T> type) {
    return withBody("PUT", path, body, token, type);
  }

  private <T> T withBody(String method, String path, Object body, String token, Class<T> type) {
    try {
      HttpRequest req = HttpRequest.newBuilder(base.resolve(path))
          .header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + token)
          .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
          .build();
      HttpResponse<byte[]> res = send(req, HttpResponse.BodyHandlers.ofByteArray());
      if (res.statusCode() / 100 != 2) {
        throw new AssertionError(method + " " + path + " -> " + res.statusCode() + " " + new String(res.body()));
      }
      return json.readValue(res.body(), type);
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed", e);
    }
  }

  /// The problem `type` of an error body.
  String problemType(byte[] body) {
    try {
      return json.readTree(body).path("type").asText();
    } catch (IOException e) {
      throw new AssertionError("not a problem body", e);
    }
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw new AssertionError(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /// A POST of JSON as `token`'s user (or anonymous when null); fails on a non-2xx status.
  <T> T post(String path, Object body, String token, Class<T> type) {
    try {
      HttpRequest.Builder req =
          HttpRequest.newBuilder(base.resolve(path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
      if (token != null) {
        req.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() / 100 != 2) {
        throw new AssertionError("POST " + path + " -> " + res.statusCode() + " " + res.body());
      }
      return json.readValue(res.body(), type);
    } catch (IOException e) {
      throw new AssertionError("POST " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
