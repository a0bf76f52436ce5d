package com.convene.desktop.demo;

import com.convene.desktop.call.CallException;
import com.convene.desktop.call.SignedIn;
import com.convene.model.api.MeetingCreateRequest;
import com.convene.model.api.MeetingView;
import com.convene.model.api.Problem;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/// Schedules the demo meeting over REST: `POST /api/v1/meetings` (see [MeetingCreateRequest]).
///
/// [com.convene.desktop.call.ConveneApiClient] only reads meetings, so the one write the demo needs lives here.
/// Blocking; any thread but the FX thread.
final class DemoMeetings {
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final Duration LENGTH = Duration.ofHours(1);

  private final HttpClient http;
  private final ObjectMapper mapper = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  DemoMeetings(HttpClient http) {
    this.http = http;
  }

  /// Schedules a meeting starting now and lasting an hour, without waiting room, hosted by the signed-in user.
  /// @throws CallException with the server's problem detail when the server refuses
  MeetingView schedule(SignedIn session, String title) {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    MeetingCreateRequest body = new MeetingCreateRequest(title, "Started by scripts/run.sh", start,
        start.plus(LENGTH), timeZone(), "scheduled", null, false, null, false, false, false, true, true, true,
        false);
    HttpRequest request = HttpRequest.newBuilder(
            URI.create(session.serverUrl().toString().replaceAll("/+$", "") + "/api/v1/meetings"))
        .timeout(TIMEOUT)
        .header("Accept", "application/json, application/problem+json")
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + session.accessToken())
        .POST(HttpRequest.BodyPublishers.ofString(json(body)))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CallException("Could not reach the server.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallException("Cancelled.", e);
    }
    try {
      if (response.statusCode() / 100 == 2) {
        return mapper.readValue(response.body(), MeetingView.class);
      }
      Problem problem = mapper.readValue(response.body(), Problem.class);
      String detail = problem.detail() != null ? problem.detail() : problem.title();
      throw new CallException("HTTP " + response.statusCode() + ": " + detail, problem.type());
    } catch (JsonProcessingException e) {
      throw new CallException("The server answered HTTP " + response.statusCode() + " with an unreadable body.", e);
    }
  }

  /// The local IANA zone, or `UTC` when the JVM's zone is an offset or otherwise unknown to the server.
  private static String timeZone() {
    String zone = ZoneId.systemDefault().getId();
    return ZoneId.getAvailableZoneIds().contains(zone) ? zone : "UTC";
  }

  private String json(Object body) {
    try {
      return mapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("request not serialisable", e);
    }
  }
}
