package com.convene.backend.storage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/// The S3-compatible storage provider, prefix `convene.storage.s3`; used when `convene.storage.provider` is `s3`.
/// Defaults in `application.yml`; the credentials only ever come from the environment.
///
/// @param endpoint        base URL of an S3-compatible service, e.g. `https://s3.eu-central-1.example.com` (env
///                        `CONVENE_STORAGE_S3_ENDPOINT`); blank for AWS itself, where the region picks the endpoint
/// @param region          signing region, e.g. `eu-central-1` (env `CONVENE_STORAGE_S3_REGION`); most
///                        S3-compatible services accept `us-east-1`
/// @param bucket          an existing bucket: lower-case letters, digits, dots and dashes, 3–63 chars
/// @param pathStyle       `true` for `<endpoint>/<bucket>/<key>` URLs (most self-hosted services), `false` for
///                        virtual-hosted `<bucket>.<endpoint>/<key>`
/// @param accessKeyId     access key id (env `CONVENE_STORAGE_S3_ACCESS_KEY_ID`); blank for the SDK's default
///                        chain (`AWS_ACCESS_KEY_ID`, profile, instance role)
/// @param secretAccessKey secret key (env `CONVENE_STORAGE_S3_SECRET_ACCESS_KEY`); blank with a blank key id
/// @param partSize        multipart upload part size in bytes, written with a unit (`16MB`), 5 MiB–5 GiB
///                        (S3's limits); files up to one part are sent in one `PutObject`
@ConfigurationProperties("convene.storage.s3")
public record S3StorageConfig(
        @Nullable String endpoint,
        @NotBlank String region,
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]") String bucket,
        boolean pathStyle,
        @Nullable String accessKeyId,
        @Nullable String secretAccessKey,
        @ReadableBytes @Min(MIN_PART_SIZE_BYTES) @Max(MAX_PART_SIZE_BYTES) long partSize) {

    /// S3's smallest part but the last one, 5 MiB.
    public static final long MIN_PART_SIZE_BYTES = 5L * 1024 * 1024;
    /// S3's largest part, 5 GiB.
    public static final long MAX_PART_SIZE_BYTES = 5L * 1024 * 1024 * 1024;
}
