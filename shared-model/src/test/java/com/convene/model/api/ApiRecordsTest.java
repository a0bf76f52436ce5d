package com.convene.model.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/// The REST records work with plain Jackson (as the desktop app uses it), not only inside Micronaut.
class ApiRecordsTest {

    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Test
    void readsMeetingCreateRequestAsCurlSendsIt() throws Exception {
        MeetingCreateRequest request = json.readValue("""
                {"title": "Planning", "scheduledStart": "2031-03-10T09:00:00Z", "timeZone": "Europe/Berlin",
                 "requirePassword": true, "password": "pw12"}""", MeetingCreateRequest.class);

        assertThat(request.title()).isEqualTo("Planning");
        assertThat(request.scheduledStart()).isEqualTo(Instant.parse("2031-03-10T09:00:00Z"));
        assertThat(request.scheduledEnd()).isNull();
        assertThat(request.requirePassword()).isTrue();
        assertThat(request.toString()).doesNotContain("pw12");
    }

    @Test
    void writesLoginResponseInOAuthShape() throws Exception {
        UserView user = new UserView(UUID.randomUUID(), "ada", "ada@example.test", "Ada", "member", "UTC", "en",
                "active", Instant.parse("2024-01-15T10:30:00Z"), null);
        String text = json.writeValueAsString(new LoginResponse("tok", "Bearer", 3600, user));

        assertThat(text).contains("\"access_token\":\"tok\"", "\"token_type\":\"Bearer\"", "\"expires_in\":3600",
                "\"createdAt\":\"2024-01-15T10:30:00Z\"");
        assertThat(json.readValue(text, LoginResponse.class).user()).isEqualTo(user);
    }

    @Test
    void problemOmitsAbsentMembersAndRoundTrips() throws Exception {
        Problem problem = new Problem("urn:convene:problem:validation", "Invalid request", 400, "1 invalid field",
                "/api/v1/meetings", List.of(new ProblemFieldError("title", "must not be blank")));
        Problem bare = new Problem("urn:convene:problem:not-found", "Not found", 404, null, null, null);

        assertThat(json.readValue(json.writeValueAsString(problem), Problem.class)).isEqualTo(problem);
        assertThat(json.writeValueAsString(bare)).isEqualTo(
                "{\"type\":\"urn:convene:problem:not-found\",\"title\":\"Not found\",\"status\":404}");
    }
}
