package com.convene.desktop.call;

import com.convene.model.api.ClientRelease;
import com.convene.model.api.InvitationRequest;
import com.convene.model.api.LoginRequest;
import com.convene.model.api.LoginResponse;
import com.convene.model.api.MeetingCreateRequest;
import com.convene.model.api.MeetingUpdateRequest;
import com.convene.model.api.MeetingView;
import com.convene.model.api.Problem;
import com.convene.model.api.RecordingUpdateRequest;
import com.convene.model.api.RecordingView;
import com.convene.model.api.RefreshRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Blocking client for the Convene REST API (`/api/v1`). Errors arrive as `application/problem+json`
/// (RFC 9457) and become a [CallException] whose message is the problem's `detail`.
///
/// Thread-safe. Every method blocks on the network: call it from a `Task` or a worker thread, never the FX thread.
public final class ConveneApiClient {
  private static final Logger LOG = LoggerFactory.getLogger(ConveneApiClient.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  /// A whole download may take long; the connection itself still times out by the client's settings.
  private static final Duration DOWNLOAD_TIMEOUT = Duration.ofHours(2);

  private static final String ACCOUNT_DISABLED = "urn:convene:problem:account-disabled";
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
        throw new CallException(CallProblem.BAD_SERVER_ADDRESS, (String) null);
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new CallException(CallProblem.BAD_SERVER_ADDRESS, e);
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
    return new SignedIn(serverUrl, SessionTokens.of(response, this::refresh, InstantSource.system()), response.user());
  }

  /// Signs in again with a refresh token kept from an earlier run ("stay signed in"): `POST /api/v1/auth/refresh`.
  ///
  /// @throws SessionExpiredException when the server refuses it (spent, expired, revoked; account disabled)
  /// @throws CallException when the server cannot be reached
  public SignedIn resume(String refreshToken) {
    LoginResponse response = refresh(refreshToken);
    LOG.info("Signed in again to {} with a kept refresh token", serverUrl);
    return new SignedIn(serverUrl, SessionTokens.of(response, this::refresh, InstantSource.system()), response.user());
  }

  /// Renews tokens: `POST /api/v1/auth/refresh` with a single-use refresh token (RFC 6749 §6).
  ///
  /// @throws SessionExpiredException when the server refuses it (spent, expired or revoked; account disabled)
  /// @throws CallException when the server cannot be reached
  public LoginResponse refresh(String refreshToken) {
    HttpRequest request = request("/api/v1/auth/refresh")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(new RefreshRequest(refreshToken))))
        .build();
    HttpResponse<String> response = send(request);
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      try {
        read(response, Object.class);
      } catch (CallException refused) {
        CallProblem why = ACCOUNT_DISABLED.equals(refused.problemType())
            ? CallProblem.ACCOUNT_DISABLED : CallProblem.SESSION_EXPIRED;
        throw new SessionExpiredException(why, refused.problemType());
      }
    }
    return read(response, LoginResponse.class);
  }

  /// The caller's upcoming meetings: `GET /api/v1/meetings`. Accepts a bare array or a page object whose
  /// first array member holds the meetings.
  public List<MeetingView> upcomingMeetings(SignedIn session) {
    JsonNode body = read(sendAuthorized(session, "/api/v1/meetings", HttpRequest.Builder::GET), JsonNode.class);
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
    return read(sendAuthorized(session, path, HttpRequest.Builder::GET), MeetingView.class);
  }

  /// Schedules a meeting or series, or opens an instant one: `POST /api/v1/meetings` (201).
  ///
  /// @return the meeting as created, with its join code
  /// @throws CallException with the server's detail for a refused request (validation, time range)
  public MeetingView createMeeting(SignedIn session, MeetingCreateRequest request) {
    return read(sendAuthorized(session, "/api/v1/meetings", builder -> builder
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(request)))), MeetingView.class);
  }

  /// Changes a meeting I host: `PATCH /api/v1/meetings/{id}`; `null` fields stay as they are.
  ///
  /// @return the meeting as it is now
  public MeetingView updateMeeting(SignedIn session, java.util.UUID meetingId, MeetingUpdateRequest request) {
    return read(sendAuthorized(session, "/api/v1/meetings/" + meetingId, builder -> builder
        .header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json(request)))), MeetingView.class);
  }

  /// Cancels a meeting or a whole series I host: `POST /api/v1/meetings/{id}/cancel`.
  ///
  /// @return the meeting, now `cancelled`
  public MeetingView cancelMeeting(SignedIn session, java.util.UUID meetingId) {
    return read(sendAuthorized(session, "/api/v1/meetings/" + meetingId + "/cancel", builder -> builder
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.noBody())), MeetingView.class);
  }

  /// Invites an e-mail address to a meeting I host: `POST /api/v1/meetings/{id}/invitations` (201).
  public void invite(SignedIn session, java.util.UUID meetingId, String email) {
    read(sendAuthorized(session, "/api/v1/meetings/" + meetingId + "/invitations", builder -> builder
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(new InvitationRequest(null, email, null))))), Object.class);
  }

  /// Signs out on the server: `POST /api/v1/auth/logout` revokes the refresh token (204, also when it was spent).
  ///
  /// @throws CallException when the server cannot be reached
  public void logout(String refreshToken) {
    HttpResponse<String> response = send(request("/api/v1/auth/logout")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(new RefreshRequest(refreshToken))))
        .build());
    if (response.statusCode() != 204) {
      read(response, Object.class);
    }
  }

  /// The recordings of my meetings that I may see, newest first: `GET /api/v1/recordings`.
  public List<RecordingView> myRecordings(SignedIn session) {
    return List.of(read(sendAuthorized(session, "/api/v1/recordings", HttpRequest.Builder::GET),
        RecordingView[].class));
  }

  /// Changes who may see and download a recording: `PATCH /api/v1/recordings/{id}` (host, recorder or admin);
  /// `null` fields stay as they are.
  ///
  /// @return the recording as it is now
  public RecordingView updateRecording(SignedIn session, java.util.UUID recordingId, RecordingUpdateRequest request) {
    return read(sendAuthorized(session, "/api/v1/recordings/" + recordingId, builder -> builder
        .header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json(request)))), RecordingView.class);
  }

  /// Composes a recording again after its composition failed: `POST /api/v1/recordings/{id}/compose` (host,
  /// recorder or admin); the answer is the recording, `processing` again.
  public RecordingView recomposeRecording(SignedIn session, java.util.UUID recordingId) {
    return read(sendAuthorized(session, "/api/v1/recordings/" + recordingId + "/compose", builder -> builder
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.noBody())), RecordingView.class);
  }

  /// Deletes a recording with all its files: `DELETE /api/v1/recordings/{id}` (the meeting's host or an admin).
  ///
  /// @throws CallException with the server's reason when it refuses (for example while it is being composed)
  public void deleteRecording(SignedIn session, java.util.UUID recordingId) {
    HttpResponse<String> response = sendAuthorized(session, "/api/v1/recordings/" + recordingId,
        HttpRequest.Builder::DELETE);
    if (response.statusCode() != 204) {
      read(response, Object.class);
    }
  }

  /// The newest desktop release for an OS and architecture: `GET /api/v1/client/releases/latest` (anonymous).
  ///
  /// @param os   `linux`, `windows` or `macos`
  /// @param arch `x86_64` or `aarch64`
  /// @return the release, or empty when the server offers none for them (404)
  public java.util.Optional<ClientRelease> latestRelease(String os, String arch) {
    String path = "/api/v1/client/releases/latest?os=" + URLEncoder.encode(os, StandardCharsets.UTF_8)
        + "&arch=" + URLEncoder.encode(arch, StandardCharsets.UTF_8);
    HttpResponse<String> response = send(request(path).GET().build());
    if (response.statusCode() == 404) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(read(response, ClientRelease.class));
  }

  /// Downloads `path` (a recording's `downloadPath`, or an installer's `url`) into `target`, reporting bytes as they arrive. The file appears
  /// under its name only when complete (written to `target` + `.part`, then moved).
  ///
  /// @param progress receives (bytes so far, total bytes or -1 when unknown) on this thread after each chunk
  /// @throws CallException with a message to show when the server refuses or the connection or disk fails
  public void download(SignedIn session, String path, Path target, BiConsumer<Long, Long> progress) {
    download(session, path, Map.of(), target, progress);
  }

  /// As [#download(SignedIn, String, Path, BiConsumer)], sending `headers` too (for example a recording's
  /// `X-Recording-Password`).
  public void download(SignedIn session, String path, Map<String, String> headers, Path target,
      BiConsumer<Long, Long> progress) {
    HttpResponse<InputStream> response = sendAuthorized(session, path, builder -> {
      builder.header("Accept", "*/*").timeout(DOWNLOAD_TIMEOUT).GET();
      headers.forEach(builder::header);
      return builder;
    }, HttpResponse.BodyHandlers.ofInputStream());
    Path part = target.resolveSibling(target.getFileName() + ".part");
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        read(new StringResponse(response, new String(body.readAllBytes(), StandardCharsets.UTF_8)), Object.class);
        LOG.warn("Download of {} answered HTTP {}", path, response.statusCode());
        throw new CallException(CallProblem.DOWNLOAD_FAILED, (String) null);
      }
      long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      long done = 0;
      byte[] buffer = new byte[64 * 1024];
      try (OutputStream out = Files.newOutputStream(part)) {
        int n;
        while ((n = body.read(buffer)) >= 0) {
          out.write(buffer, 0, n);
          done += n;
          progress.accept(done, total);
        }
      }
      if (total >= 0 && done != total) {
        throw new CallException(CallProblem.DOWNLOAD_CUT_OFF, (String) null);
      }
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
      LOG.info("Downloaded {} ({} bytes) to {}", path, done, target);
    } catch (IOException e) {
      throw new CallException(CallProblem.DOWNLOAD_CUT_OFF, e);
    } finally {
      try {
        Files.deleteIfExists(part);
      } catch (IOException e) {
        LOG.debug("Could not delete {}", part, e);
      }
    }
  }

  /// A non-2xx answer whose body was read as text, so [#read] can turn it into the problem's message.
  private record StringResponse(HttpResponse<InputStream> origin, String body) implements HttpResponse<String> {
    @Override
    public int statusCode() {
      return origin.statusCode();
    }

    @Override
    public HttpRequest request() {
      return origin.request();
    }

    @Override
    public java.util.Optional<HttpResponse<String>> previousResponse() {
      return java.util.Optional.empty();
    }

    @Override
    public java.net.http.HttpHeaders headers() {
      return origin.headers();
    }

    @Override
    public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
      return origin.sslSession();
    }

    @Override
    public URI uri() {
      return origin.uri();
    }

    @Override
    public HttpClient.Version version() {
      return origin.version();
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(serverUrl.toString().replaceAll("/+$", "") + path))
        .timeout(TIMEOUT)
        .header("Accept", "application/json, application/problem+json");
  }

  private HttpResponse<String> sendAuthorized(SignedIn session, String path,
      UnaryOperator<HttpRequest.Builder> shape) {
    return sendAuthorized(session, path, shape, HttpResponse.BodyHandlers.ofString());
  }

  /// Sends with the session's bearer token; a 401 renews the token once and retries (a token revoked early, e.g.
  /// after a role change), a second 401 means the sign-in is over.
  private <T> HttpResponse<T> sendAuthorized(SignedIn session, String path, UnaryOperator<HttpRequest.Builder> shape,
      HttpResponse.BodyHandler<T> handler) {
    String token = session.accessToken();
    HttpResponse<T> response = send(shape.apply(request(path).header("Authorization", "Bearer " + token)).build(),
        handler);
    if (response.statusCode() != 401) {
      return response;
    }
    discard(response);
    String renewed = session.tokens().renewAfterRejection(token);
    response = send(shape.apply(request(path).header("Authorization", "Bearer " + renewed)).build(), handler);
    if (response.statusCode() == 401) {
      discard(response);
      throw new SessionExpiredException(CallProblem.SESSION_EXPIRED, null);
    }
    return response;
  }

  private static void discard(HttpResponse<?> response) {
    if (response.body() instanceof InputStream body) {
      try {
        body.close();
      } catch (IOException e) {
        LOG.debug("Could not close a refused response", e);
      }
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    return send(request, HttpResponse.BodyHandlers.ofString());
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw new CallException(CallProblem.SERVER_UNREACHABLE, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallException(CallProblem.CANCELLED, e);
    }
  }

  private <T> T read(HttpResponse<String> response, Class<T> type) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      try {
        return mapper.readValue(response.body(), type);
      } catch (JsonProcessingException e) {
        throw new CallException(CallProblem.UNREADABLE_ANSWER, e);
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
    CallProblem why = switch (status) {
      case 401 -> CallProblem.WRONG_CREDENTIALS;
      case 403 -> CallProblem.NOT_ALLOWED;
      case 404 -> CallProblem.NOT_FOUND;
      default -> CallProblem.SERVER_FAILED;
    };
    LOG.debug("HTTP {} without a problem detail", status);
    throw new CallException(why, problem == null ? null : problem.type());
  }

  private String json(Object body) {
    try {
      return mapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("request not serialisable", e);
    }
  }
}
