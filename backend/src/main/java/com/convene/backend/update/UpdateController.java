package com.convene.backend.update;

import com.convene.backend.problem.ProblemType;
import com.convene.backend.recording.ByteRange;
import com.convene.backend.storage.BoundedInputStream;
import com.convene.model.api.ClientRelease;
import com.convene.model.api.ReleaseVersion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/// The desktop update check and installer downloads, anonymous like `/health` (the installers are what IT hands
/// out anyway, and a client may check before anyone signs in).
@Controller("/api/v1/client/releases")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class UpdateController {
    private final ReleaseCatalog catalog;

    UpdateController(ReleaseCatalog catalog) {
        this.catalog = catalog;
    }

    /// The newest release for an OS and architecture: 200 with its version and one download per package type;
    /// 404 `not-found` when the server has none; 400 `validation` for an unknown `os` or `arch`.
    @Get("/latest")
    @Operation(summary = "The newest desktop release for an OS and architecture (anonymous)",
            description = "`os` is `linux`, `windows` or `macos`; `arch` is `x86_64` or `aarch64` (`amd64` and "
                    + "`arm64` are accepted too). 404 `not-found` when the server offers no installer for them.")
    ClientRelease latest(@QueryValue @Nullable String os, @QueryValue @Nullable String arch) {
        String system = normalise(os, ReleaseCatalog.OPERATING_SYSTEMS, "os");
        String architecture = normalise(arch == null ? null : arch.toLowerCase(Locale.ROOT)
                .replace("amd64", "x86_64").replace("arm64", "aarch64"), ReleaseCatalog.ARCHITECTURES, "arch");
        return catalog.latest(system, architecture).orElseThrow(() -> new UpdateException(ProblemType.NOT_FOUND,
                "This server offers no desktop installer for " + system + " " + architecture + "."));
    }

    /// One installer file: 200 with the whole file, or 206 for one `Range` (RFC 9110 §14.2); 416 outside the file,
    /// 404 for a name that is not an installer of that version, 400 for a malformed version.
    @Get("/{version}/{file}")
    @Operation(summary = "Download a desktop installer (anonymous, HTTP ranges)")
    MutableHttpResponse<StreamedFile> download(@PathVariable String version, @PathVariable String file,
            @Header(HttpHeaders.RANGE) @Nullable String range) throws IOException {
        if (!ReleaseVersion.isValid(version)) {
            throw new UpdateException(ProblemType.VALIDATION, "The version must look like 1.2.0.");
        }
        Path path = catalog.file(version, file);
        long size = Files.size(path);
        ByteRange requested = ByteRange.parse(range, size);
        long first = requested == null ? 0 : requested.first();
        long length = requested == null ? size : requested.length();
        SeekableByteChannel channel = Files.newByteChannel(path);
        channel.position(first);
        InputStream in = new BoundedInputStream(Channels.newInputStream(channel), length);
        StreamedFile body = new StreamedFile(in, MediaType.APPLICATION_OCTET_STREAM_TYPE,
                Files.getLastModifiedTime(path).toMillis(), length);
        body.attach(file);
        MutableHttpResponse<StreamedFile> response = requested == null
                ? HttpResponse.ok(body)
                : HttpResponse.<StreamedFile>status(HttpStatus.PARTIAL_CONTENT).body(body)
                        .header(HttpHeaders.CONTENT_RANGE, requested.contentRange(size));
        return response.header(HttpHeaders.ACCEPT_RANGES, "bytes");
    }

    private static String normalise(@Nullable String value, java.util.List<String> allowed, String name) {
        String lower = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw new UpdateException(ProblemType.VALIDATION, name + " must be one of " + allowed + ".");
        }
        return lower;
    }
}
