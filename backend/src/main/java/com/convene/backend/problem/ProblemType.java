package com.convene.backend.problem;

import io.micronaut.http.HttpStatus;
import java.net.URI;

/// The closed set of problem types the REST API emits (RFC 9457 §3.1.1); mirrored in `docs/problems.md`.
///
/// The slug and title of a constant never change once released; clients branch on [#uri()].
public enum ProblemType {
    /// A request field or parameter is missing or invalid; the body lists field errors.
    VALIDATION("validation", "Invalid request", HttpStatus.BAD_REQUEST),
    /// The body or a parameter could not be read at all (malformed JSON, wrong type).
    BAD_REQUEST("bad-request", "Malformed request", HttpStatus.BAD_REQUEST),
    /// A time range ends at or before its start.
    INVALID_TIME_RANGE("invalid-time-range", "Invalid time range", HttpStatus.BAD_REQUEST),
    /// No or an invalid bearer token.
    UNAUTHORIZED("unauthorized", "Authentication required", HttpStatus.UNAUTHORIZED),
    /// The refresh token is unknown, expired, already used (rotation) or revoked (logout, account disabled).
    INVALID_REFRESH_TOKEN("invalid-refresh-token", "Invalid refresh token", HttpStatus.UNAUTHORIZED),
    /// Wrong user name or password.
    INVALID_CREDENTIALS("invalid-credentials", "Invalid credentials", HttpStatus.UNAUTHORIZED),
    /// The caller is authenticated but may not do this.
    FORBIDDEN("forbidden", "Forbidden", HttpStatus.FORBIDDEN),
    /// The account is suspended or deleted.
    ACCOUNT_DISABLED("account-disabled", "Account disabled", HttpStatus.FORBIDDEN),
    /// Self-registration is switched off by configuration.
    REGISTRATION_CLOSED("registration-closed", "Registration closed", HttpStatus.FORBIDDEN),
    /// The meeting requires a password and none or a wrong one was given.
    MEETING_PASSWORD_REQUIRED("meeting-password-required", "Meeting password required", HttpStatus.FORBIDDEN),
    /// No such resource (or route).
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    /// The HTTP method is not supported on this path.
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    /// The request conflicts with the current state (duplicate user name, meeting already ended).
    CONFLICT("conflict", "Conflict", HttpStatus.CONFLICT),
    /// The meeting was cancelled and can no longer be joined.
    MEETING_CANCELLED("meeting-cancelled", "Meeting cancelled", HttpStatus.GONE),
    /// The meeting has ended and can no longer be joined.
    MEETING_ENDED("meeting-ended", "Meeting ended", HttpStatus.GONE),
    /// The request body has a media type other than JSON.
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    /// Too many failed logins; the account is locked for a while.
    ACCOUNT_LOCKED("account-locked", "Account locked", HttpStatus.LOCKED),
    /// Too many requests from this client in the current window (login rate limit); see `Retry-After`.
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),
    /// Sign-in to this account from this client address is slowed after failed attempts (growing delay, no
    /// lock-out; docs/security.md); `Retry-After` says when the next attempt is accepted.
    SIGN_IN_THROTTLED("sign-in-throttled", "Sign-in throttled", HttpStatus.TOO_MANY_REQUESTS),
    /// The request body is larger than the server accepts (`micronaut.server.max-request-size`, 1 MB).
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", HttpStatus.REQUEST_ENTITY_TOO_LARGE),
    /// Recording is switched off for this meeting (`recording_enabled` is false).
    RECORDING_DISABLED("recording-disabled", "Recording disabled", HttpStatus.FORBIDDEN),
    /// The meeting is already being recorded.
    RECORDING_ALREADY_RUNNING("recording-already-running", "Recording already running", HttpStatus.CONFLICT),
    /// The meeting is not being recorded.
    RECORDING_NOT_RUNNING("recording-not-running", "Recording not running", HttpStatus.CONFLICT),
    /// The recording is password-protected and the `X-Recording-Password` header is missing or wrong.
    RECORDING_PASSWORD_REQUIRED("recording-password-required", "Recording password required", HttpStatus.FORBIDDEN),
    /// Nobody is in the meeting's live room on this server, so there is nothing to record.
    MEETING_NOT_LIVE("meeting-not-live", "Meeting not live", HttpStatus.CONFLICT),
    /// A `Range` header asks for bytes outside the file (RFC 9110 §15.5.17).
    RANGE_NOT_SATISFIABLE("range-not-satisfiable", "Range not satisfiable", HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE),
    /// Anything unexpected; details are only in the server log.
    INTERNAL("internal", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR),
    /// A backing service (PostgreSQL, Redis) is unreachable.
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE);

    private static final String PREFIX = "urn:convene:problem:";

    private final String slug;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    /// The stable slug, e.g. `not-found`.
    public String slug() {
        return slug;
    }

    /// The type URI, `urn:convene:problem:<slug>`.
    public URI uri() {
        return URI.create(PREFIX + slug);
    }

    /// The fixed, human-readable title.
    public String title() {
        return title;
    }

    /// The HTTP status this type is sent with.
    public HttpStatus status() {
        return status;
    }

    /// The generic type for a status code that no more specific problem explains (framework errors).
    ///
    /// @param code HTTP status code, 100–599
    static ProblemType forStatus(int code) {
        return switch (code) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            case 416 -> RANGE_NOT_SATISFIABLE;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> INTERNAL;
        };
    }
}
