package com.convene.backend.storage;

import com.convene.backend.problem.ProblemType;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/// Object storage in an S3-compatible service (AWS S3, MinIO, Ceph RGW, …) through the AWS SDK v2 S3 client on the
/// JDK's `HttpURLConnection` (decision 053). Chosen by `convene.storage.provider: s3`; settings in [S3StorageConfig].
///
/// Files larger than one part are uploaded as a multipart upload (`CreateMultipartUpload`, one `UploadPart` per
/// `part-size` bytes read straight from the file, `CompleteMultipartUpload`; `AbortMultipartUpload` when any step
/// fails, so no half upload is left billed in the bucket). Smaller files go in one `PutObject`. Reads use `GetObject`
/// with an HTTP `Range` (RFC 9110 §14.2), so a download's range request becomes a ranged read of the object.
///
/// Thread-safe (the SDK client is); blocking network I/O.
@Singleton
@Requires(property = ObjectStorage.PROVIDER_PROPERTY, value = S3ObjectStorage.PROVIDER)
final class S3ObjectStorage implements ObjectStorage {
    static final String PROVIDER = "s3";
    private static final Logger LOG = LoggerFactory.getLogger(S3ObjectStorage.class);

    private final S3Client s3;
    private final String bucket;
    private final String region;
    private final long partSize;

    S3ObjectStorage(S3StorageConfig config) {
        this.bucket = config.bucket();
        this.region = config.region();
        this.partSize = config.partSize();
        this.s3 = client(config);
    }

    private static S3Client client(S3StorageConfig config) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyle());
        if (config.endpoint() != null && !config.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(config.endpoint()));
        }
        if (config.accessKeyId() != null && !config.accessKeyId().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    config.accessKeyId(), config.secretAccessKey() == null ? "" : config.secretAccessKey())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public @Nullable String region() {
        return region;
    }

    @Override
    public long put(String key, Path source) {
        checkKey(key);
        try {
            long size = Files.size(source);
            if (size <= partSize) {
                s3.putObject(b -> b.bucket(bucket).key(key).contentLength(size), RequestBody.fromFile(source));
            } else {
                putMultipart(key, source, size);
            }
            Files.deleteIfExists(source);
            return size;
        } catch (IOException | UncheckedIOException | SdkException e) {
            throw new StorageException(ProblemType.INTERNAL, "The recording could not be stored.", e);
        }
    }

    /// Uploads `size` bytes in parts of `partSize` (the last one smaller), aborting the upload on any failure.
    private void putMultipart(String key, Path source, long size) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int partNumber = 1; // 1–10,000
            for (long offset = 0; offset < size; offset += partSize, partNumber++) {
                long first = offset;
                long length = Math.min(partSize, size - offset);
                int number = partNumber;
                // a new stream per attempt, so the SDK's retries resend the part from its first byte
                RequestBody body = RequestBody.fromContentProvider(() -> openPart(source, first, length), length,
                        "application/octet-stream");
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                        .contentLength(length), body).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (SdkException again) {
                LOG.warn("multipart upload not aborted bucket={} key={}", bucket, key, again);
            }
            throw e;
        }
    }

    private static InputStream openPart(Path source, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(source, StandardOpenOption.READ);
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long size(String key) {
        checkKey(key);
        try {
            return s3.headObject(b -> b.bucket(bucket).key(key)).contentLength();
        } catch (SdkException e) {
            throw translate(e, "The recording file could not be read.");
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) {
        checkKey(key);
        if (length <= 0) {
            return new ByteArrayInputStream(new byte[0]);
        }
        try {
            String range = "bytes=" + offset + "-" + (offset + length - 1);
            return s3.getObject(b -> b.bucket(bucket).key(key).range(range));
        } catch (SdkException e) {
            throw translate(e, "The recording file could not be read.");
        }
    }

    @Override
    public void delete(String key) {
        checkKey(key);
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw translate(e, "The recording file could not be deleted.");
        }
    }

    @PreDestroy
    void close() {
        s3.close();
    }

    private static StorageException translate(SdkException e, String detail) {
        if (e instanceof S3Exception s3e && s3e.statusCode() == 404) {
            return new StorageException(ProblemType.NOT_FOUND, "The recording file no longer exists.", e);
        }
        return new StorageException(ProblemType.INTERNAL, detail, e);
    }

    /// S3 keys are 1–1,024 bytes; Convene's never start with `/` nor contain `..` (see package doc).
    private static void checkKey(String key) {
        if (key.isBlank() || key.startsWith("/") || key.contains("..") || key.length() > 1024) {
            throw new StorageException(ProblemType.BAD_REQUEST, "Invalid storage key.", null);
        }
    }
}
