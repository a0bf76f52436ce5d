package com.convene.backend.recording;

import com.convene.backend.account.Caller;
import com.convene.backend.problem.ProblemType;
import com.convene.backend.storage.ObjectStorage;
import com.convene.model.api.MeetingView;
import com.convene.model.api.RecordingView;
import com.convene.model.api.RecordingUpdateRequest;
import com.convene.backend.meeting.MeetingService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import com.convene.backend.audit.Audited;
import io.swagger.v3.oas.annotations.Operation;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/// Recordings over REST: start and stop a meeting's recording (host or admin, like seed 002's
/// `/conferences/start|stop`), list a meeting's recordings, read one, change its visibility, and download its
/// per-track files with HTTP range requests (RFC 9110 §14).
///
/// Who may see a recording: the meeting's host, whoever recorded it and admins always; the meeting's
/// participants when its visibility is `participants`; any signed-in user when `public`. Others get 403.
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class RecordingController {
    /// Request header carrying a protected recording's password on downloads.
    static final String PASSWORD_HEADER = "X-Recording-Password";
    private final RecordingService recordings;
    private final LiveRecordingControl live;
    private final MeetingService meetings;
    private final ObjectStorage storage;

    RecordingController(RecordingService recordings, LiveRecordingControl live, MeetingService meetings,
            ObjectStorage storage) {
        this.recordings = recordings;
        this.live = live;
        this.meetings = meetings;
        this.storage = storage;
    }

    /// Starts recording the meeting's live room; 201 with the recording. Host or admin.
    @Post("/meetings/{meetingId}/recording/start")
    @Operation(summary = "Start recording the meeting's live room (host or admin)")
    @Audited("recording.start")
    HttpResponse<RecordingView> start(UUID meetingId, Authentication authentication) {
        Caller caller = requireHostOrAdmin(meetingId, authentication);
        RecordingView view = live.start(meetingId, caller.userId());
        return HttpResponse.created(view, java.net.URI.create("/api/v1/recordings/" + view.id()));
    }

    /// Stops the meeting's recording once its files are stored. Host or admin.
    @Post("/meetings/{meetingId}/recording/stop")
    @Operation(summary = "Stop the meeting's recording (host or admin)")
    @Audited("recording.stop")
    RecordingView stop(UUID meetingId, Authentication authentication) {
        requireHostOrAdmin(meetingId, authentication);
        return live.stop(meetingId);
    }

    /// The meeting's recordings the caller may see, oldest first.
    @Get("/meetings/{meetingId}/recordings")
    @Operation(summary = "List the meeting's recordings the caller may see")
    List<RecordingView> list(UUID meetingId, Authentication authentication) {
        return recordings.list(Caller.from(authentication), meetingId);
    }

    /// Recordings of the caller's meetings (hosted, recorded or joined) that the caller may see, newest first.
    @Get("/recordings")
    @Operation(summary = "List the recordings of my meetings, newest first (at most 200)")
    List<RecordingView> mine(Authentication authentication) {
        return recordings.listMine(Caller.from(authentication));
    }

    /// One recording with its files. `status` is `processing_status` (`recording`, `processing`, `ready`,
    /// `failed`), `error` is `processing_error` and `progressPercent` the composition's progress (0–100) while
    /// `processing`.
    @Get("/recordings/{recordingId}")
    @Operation(summary = "Get a recording with its files and processing progress",
            description = "`status` is the processing status (`recording`, `processing`, `ready` or `failed`), "
                    + "`error` why it failed (safe to show), `progressPercent` the composition's progress 0–100 "
                    + "while `processing`. A `failed` recording is retried with `POST …/compose`.")
    RecordingView get(UUID recordingId, Authentication authentication) {
        return recordings.get(Caller.from(authentication), recordingId);
    }

    /// Changes who may see and download a recording: visibility (`private`, `participants`, `public`), whether
    /// others may download, and a download password. Host, recorder or admin.
    @Patch("/recordings/{recordingId}")
    @Operation(summary = "Change who may see and download a recording",
            description = "Fields left out keep their value. `password` (4–128 characters) protects downloads: "
                    + "anyone but the host, the recorder and admins then sends it in the `X-Recording-Password` "
                    + "header; an empty `password` removes the protection.")
    @Audited("recording.update")
    RecordingView update(UUID recordingId, @Body RecordingUpdateRequest request, Authentication authentication) {
        if (request.visibility() == null && request.downloadEnabled() == null && request.password() == null) {
            throw new RecordingException(ProblemType.VALIDATION,
                    "Send at least one of visibility, downloadEnabled and password.");
        }
        return recordings.update(Caller.from(authentication), recordingId, request);
    }

    /// Deletes a recording with all its files (per-track WebM and composed MP4) from storage: 204. The meeting's
    /// host or an admin; 403 for anyone else, 404 when unknown, 409 while it is being recorded or composed.
    @Delete("/recordings/{recordingId}")
    @Operation(summary = "Delete a recording and its stored files (host or admin)",
            description = "Removes the per-track WebM files, the composed MP4 and the rows. 403 `forbidden` for "
                    + "anyone but the meeting's host or an admin, 404 `not-found`, 409 `conflict` while the "
                    + "recording is being recorded or composed.")
    @Audited(value = "recording.delete", target = "recording")
    HttpResponse<Void> delete(@PathVariable("recordingId") UUID id, Authentication authentication) {
        recordings.delete(Caller.from(authentication), id);
        return HttpResponse.noContent();
    }

    /// Composes the recording again (after a failed composition). Host, recorder or admin; 202.
    @Post("/recordings/{recordingId}/compose")
    @Operation(summary = "Compose a recording again after a failed composition",
            description = "Retries the composition from the stored per-track files: 202 with the recording, now "
                    + "`processing`; poll `GET /api/v1/recordings/{recordingId}` for `progressPercent`. Host, "
                    + "recorder or admin; 409 `conflict` while it is being recorded or composed.")
    @Audited("recording.compose")
    HttpResponse<RecordingView> compose(UUID recordingId, Authentication authentication) {
        return HttpResponse.accepted().body(recordings.recompose(Caller.from(authentication), recordingId));
    }

    /// Downloads the composed MP4 once `ready`: 200, or 206 for one `Range`; 416 outside the file. A
    /// password-protected recording needs `X-Recording-Password` from anyone but the host, the recorder and admins.
    @Get("/recordings/{recordingId}/download")
    @Operation(summary = "Download the composed MP4 (HTTP ranges)",
            description = "403 `recording-password-required` when the recording is password-protected and "
                    + "`X-Recording-Password` is missing or wrong; 429 after 10 wrong passwords in 15 minutes.")
    MutableHttpResponse<StreamedFile> downloadComposed(UUID recordingId,
            @Header(HttpHeaders.RANGE) @Nullable String range,
            @Header(PASSWORD_HEADER) @Nullable String password, Authentication authentication) throws IOException {
        Recording row = recordings.requireComposed(Caller.from(authentication), recordingId, password);
        return serve(row.storageKey(), new MediaType("video/mp4"), row.updatedAt().toEpochMilli(), range);
    }

    /// Downloads one per-track WebM file: 200 with the whole file, or 206 with one `Range` (RFC 9110 §14.2);
    /// 416 for a range outside the file.
    @Get("/recordings/{recordingId}/files/{fileId}")
    @Operation(summary = "Download one per-track WebM file (HTTP ranges)",
            description = "Password-protected recordings as for the composed download.")
    MutableHttpResponse<StreamedFile> download(UUID recordingId, UUID fileId,
            @Header(HttpHeaders.RANGE) @Nullable String range,
            @Header(PASSWORD_HEADER) @Nullable String password, Authentication authentication) throws IOException {
        RecordingTrack file = recordings.requireDownloadable(Caller.from(authentication), recordingId, fileId,
                password);
        MediaType type = new MediaType("audio".equals(file.kind()) ? "audio/webm" : "video/webm");
        return serve(file.storageKey(), type, file.createdAt().toEpochMilli(), range);
    }

    private MutableHttpResponse<StreamedFile> serve(String key, MediaType type, long lastModifiedMillis,
            @Nullable String range) throws IOException {
        long size = storage.size(key);
        ByteRange requested = ByteRange.parse(range, size);
        long first = requested == null ? 0 : requested.first();
        long length = requested == null ? size : requested.length();
        InputStream in = storage.open(key, first, length);
        StreamedFile body = new StreamedFile(in, type, lastModifiedMillis, length);
        body.attach(key.substring(key.lastIndexOf('/') + 1));
        MutableHttpResponse<StreamedFile> response = requested == null
                ? HttpResponse.ok(body)
                : HttpResponse.<StreamedFile>status(HttpStatus.PARTIAL_CONTENT).body(body)
                        .header(HttpHeaders.CONTENT_RANGE, requested.contentRange(size));
        return response.header(HttpHeaders.ACCEPT_RANGES, "bytes");
    }

    private Caller requireHostOrAdmin(UUID meetingId, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        MeetingView meeting = meetings.get(meetingId);
        if (!caller.isAdmin() && !meeting.hostUserId().equals(caller.userId())) {
            throw new RecordingException(ProblemType.FORBIDDEN, "Only the host or an admin can control recording.");
        }
        return caller;
    }
}
