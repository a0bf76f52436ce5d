package com.convene.desktop.call;

import com.convene.model.api.LoginRequest;
import com.convene.model.api.LoginResponse;
import com.convene.model.api.MeetingView;
import com.convene.model.api.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Blocking client for the Convene REST API (`/api/v1`). Errors arrive as `application/problem+json`
/// (RFC 9457) and become a [CallException] whose message is the problem's `detail`.
///
/// Thread-safe. Every method blocks on the network: call it from a `Task` or a worker thread, never the FX thread.
public final class ConveneApiClient {
  private static final Logger LOG = LoggerFactory.getLogger(ConveneApiClient.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final HttpClient http;
  private final URI serverUrl;
  private final ObjectMapper mapper = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  /// @param serverUrl REST base URL such as `http://127.0.0.2:8080` (no trailing `/api/v1`)
  public ConveneApiClient(HttpClient http, URI serverUrl) {
    this.http = http;
    this.serverUrl = serverUrl;
  }

  /// Parses a user-typed server URL, adding `https://` when no scheme is given.
  /// @throws CallException when the text is not a usable http(s) URL
  public static URI parseServerUrl(String text) {
    String trimmed = text.strip().replaceAll("/+$", "");
    if (!trimmed.contains("://")) {
      trimmed = "https://" + trimmed;
    }
    try {
      URI uri = URI.create(trimmed);
      if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new CallException("Enter the server address, e.g. https://meet.example.com.", (String) null);
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new CallException("Enter the server address, e.g. https://meet.example.com.", e);
    }
  }

  public URI serverUrl() {
    return serverUrl;
  }

  public HttpClient httpClient() {
    return http;
  }

  /// Signs in with user name (or e-mail) and password: `POST /api/v1/auth/login`.
  public SignedIn login(String username, String password) {
    HttpRequest request = request("/api/v1/auth/login")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(new LoginRequest(username, password))))
        .build();
    LoginResponse response = read(send(request), LoginResponse.class);
    LOG.info("Signed in to {} as {}", serverUrl, response.user() == null ? username : response.user().username());
    return new SignedIn(serverUrl, response.accessToken(), response.user());
  }

  /// The caller's upcoming meetings: `GET /api/v1/meetings`. Accepts a bare array or a page object whose
  /// first array member holds the meetings.
  public List<MeetingView> upcomingMeetings(SignedIn session) {
    HttpRequest request = authorized("/api/v1/meetings", session).GET().build();
    JsonNode body = read(send(request), JsonNode.class);
    JsonNode items = body;
    if (body.isObject()) {
      items = null;
      for (JsonNode member : body) {
        if (member.isArray()) {
          items = member;
          break;
        }
      }
    }
    List<MeetingView> meetings = new ArrayList<>();
    if (items != null && items.isArray()) {
      for (JsonNode item : items) {
        meetings.add(mapper.convertValue(item, MeetingView.class));
      }
    }
    return List.copyOf(meetings);
  }

  /// Looks a meeting up by join code: `GET /api/v1/meetings/by-code/{code}`.
  public MeetingView meetingByCode(SignedIn session, String code) {
    String path = "/api/v1/meetings/by-code/" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    return read(send(authorized(path, session).GET().build()), MeetingView.class);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(serverUrl.toString().replaceAll("/+$", "") + path))
        .timeout(TIMEOUT)
        .header("Accept", "application/json, application/problem+json");
  }

  private HttpRequest.Builder authorized(String path, SignedIn session) {
    return request(path).header("Authorization", "Bearer " + session.accessToken());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CallException("Could not reach the server. Check the address and your connection.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallException("Cancelled.", e);
    }
  }

  private <T> T read(HttpResponse<String> response, Class<T> type) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      try {
        return mapper.readValue(response.body(), type);
      } catch (JsonProcessingException e) {
        throw new CallException("The server sent an answer this app does not understand.", e);
      }
    }
    Problem problem = null;
    try {
      problem = mapper.readValue(response.body(), Problem.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      LOG.debug("Error response {} without a problem body", status);
    }
    if (problem != null && problem.detail() != null && !problem.detail().isBlank()) {
      throw new CallException(problem.detail(), problem.type());
    }
    if (problem != null && problem.title() != null && !problem.title().isBlank()) {
      throw new CallException(problem.title(), problem.type());
    }
    String message = switch (status) {
      case 401 -> "Wrong user name or password.";
      case 403 -> "You are not allowed to do that.";
      case 404 -> "Not found.";
      default -> "The server could not handle the request (HTTP " + status + ").";
    };
    throw new CallException(message, problem == null ? null : problem.type());
  }

  private String json(Object body) {
    try {
      return mapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("request not serialisable", e);
    }
  }
}
