package com.convene.backend.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/// Object storage for recordings: objects addressed by a key within the configured bucket. One provider is active,
/// chosen by `convene.storage.provider`: [LocalDirectoryStorage] (`local`) or [S3ObjectStorage] (`s3`).
///
/// Blocking I/O: call from a blocking executor or the recording executor, never from an event loop.
public interface ObjectStorage {

    /// The configuration key that picks the provider: `local` (the default) or `s3`.
    String PROVIDER_PROPERTY = "convene.storage.provider";

    /// Provider name stored in `recordings.storage_provider`: `local` or `s3`.
    String provider();

    /// Bucket name stored in `recordings.storage_bucket`.
    String bucket();

    /// Region stored in `recordings.storage_region`, or null.
    @Nullable String region();

    /// Stores the file under `key`, taking it over (the source may be moved away).
    ///
    /// @param key    object key, e.g. `recordings/<meeting>/<recording>/<file>.webm`
    /// @param source a finished local file
    /// @return the stored object's size in bytes
    /// @throws StorageException when it cannot be stored
    long put(String key, Path source);

    /// The size of an object in bytes.
    ///
    /// @throws StorageException `not found` when absent
    long size(String key);

    /// Opens `length` bytes of an object from byte `offset`.
    ///
    /// @param key    the key
    /// @param offset first byte, 0 to size - 1
    /// @param length bytes to read, 1 to size - offset
    /// @return a stream the caller closes
    /// @throws StorageException when absent or unreadable
    InputStream open(String key, long offset, long length) throws IOException;

    /// Removes an object; no-op when absent.
    void delete(String key);
}
