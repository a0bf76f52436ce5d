package com.convene.backend.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.convene.backend.BackendTestSupport;
import com.convene.backend.TestServices;
import com.convene.backend.problem.ProblemType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/// The `s3` provider against a real S3-compatible server (S3Mock in its own JVM, [S3MockServer]): multipart upload,
/// ranged reads, delete. Parts are 5 MiB, S3's smallest.
@MicronautTest
class S3ObjectStorageIT extends BackendTestSupport {
    private static final int PART = 5 * 1024 * 1024;

    @Inject ObjectStorage storage;

    /// A client of our own, to look at the objects from outside the provider.
    private final S3Client outside = S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .endpointOverride(URI.create(S3MockServer.shared().endpoint()))
            .region(Region.US_EAST_1).forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
            .build();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestServices.properties());
        props.putAll(S3MockServer.shared().properties("5MB"));
        return props;
    }

    @AfterAll
    void closeClient() {
        outside.close();
    }

    @Test
    void isTheConfiguredProvider() {
        assertThat(storage.provider()).isEqualTo("s3");
        assertThat(storage.bucket()).isEqualTo(S3MockServer.BUCKET);
        assertThat(storage.region()).isEqualTo("us-east-1");
    }

    @Test
    void uploadsAFileOfMoreThanTwoPartsAsMultipartAndReadsExactRanges() throws IOException {
        byte[] content = randomBytes(2 * PART + 1_234_567, 1);
        Path source = Files.write(Files.createTempFile("s3-big", ".bin"), content);
        String key = "it/" + UUID.randomUUID() + "/big.webm";

        assertThat(storage.put(key, source)).isEqualTo(content.length);

        assertThat(source).doesNotExist(); // taken over, like the local provider's move
        assertThat(storage.size(key)).isEqualTo(content.length);
        // an object assembled by CompleteMultipartUpload has the ETag "<md5 of the part md5s>-<parts>"
        String etag = outside.headObject(b -> b.bucket(S3MockServer.BUCKET).key(key)).eTag();
        assertThat(etag.replace("\"", "")).endsWith("-3");
        // ranges: the first byte, across the first part boundary, the last bytes, the whole object
        assertRange(key, content, 0, 1);
        assertRange(key, content, PART - 10, 100);
        assertRange(key, content, 2L * PART - 1, 2);
        assertRange(key, content, content.length - 7, 7);
        assertRange(key, content, 0, content.length);
    }

    @Test
    void storesAFileOfOnePartInOneRequest() throws IOException {
        byte[] content = randomBytes(70_000, 2);
        Path source = Files.write(Files.createTempFile("s3-small", ".bin"), content);
        String key = "it/" + UUID.randomUUID() + "/small.webm";

        assertThat(storage.put(key, source)).isEqualTo(content.length);

        String etag = outside.headObject(b -> b.bucket(S3MockServer.BUCKET).key(key)).eTag();
        assertThat(etag).doesNotContain("-");
        assertRange(key, content, 100, 200);
    }

    @Test
    void deleteRemovesTheObjectAndIsIdempotent() throws IOException {
        Path source = Files.write(Files.createTempFile("s3-del", ".bin"), randomBytes(1_000, 3));
        String key = "it/" + UUID.randomUUID() + "/gone.webm";
        storage.put(key, source);

        storage.delete(key);

        assertThatThrownBy(() -> storage.size(key)).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND));
        assertThatThrownBy(() -> storage.open(key, 0, 10)).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND));
        assertThat(outside.listObjectsV2(b -> b.bucket(S3MockServer.BUCKET).prefix(key)).contents()).isEmpty();
        storage.delete(key); // absent: no error
    }

    @Test
    void leavesNoMultipartUploadBehind() throws IOException {
        Path source = Files.write(Files.createTempFile("s3-mp", ".bin"), randomBytes(PART + 1, 4));
        String key = "it/" + UUID.randomUUID() + "/two-parts.webm";

        storage.put(key, source);

        assertThat(outside.listMultipartUploads(b -> b.bucket(S3MockServer.BUCKET).prefix(key)).uploads()).isEmpty();
        assertThat(storage.size(key)).isEqualTo(PART + 1);
    }

    private void assertRange(String key, byte[] content, long offset, int length) throws IOException {
        try (InputStream in = storage.open(key, offset, length)) {
            assertThat(in.readAllBytes()).as("bytes %d+%d", offset, length)
                    .isEqualTo(Arrays.copyOfRange(content, (int) offset, (int) offset + length));
        }
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
