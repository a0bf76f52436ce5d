package com.convene.backend.storage;

import com.convene.backend.problem.ProblemType;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/// Object storage in a local directory, `<root>/<bucket>/<key>`: the embedded default, for one-node setups.
///
/// Keys are checked so none escapes the bucket directory. Thread-safe (the file system serialises).
@Singleton
@Requires(property = ObjectStorage.PROVIDER_PROPERTY, value = LocalDirectoryStorage.PROVIDER,
        defaultValue = LocalDirectoryStorage.PROVIDER)
final class LocalDirectoryStorage implements ObjectStorage {
    static final String PROVIDER = "local";
    private final Path bucketDirectory;
    private final String bucket;

    LocalDirectoryStorage(LocalStorageConfig config) {
        this.bucket = config.bucket();
        this.bucketDirectory = Path.of(config.root()).toAbsolutePath().normalize().resolve(config.bucket());
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
        return null;
    }

    @Override
    public long put(String key, Path source) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            try {
                Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return Files.size(target);
        } catch (IOException e) {
            throw new StorageException(ProblemType.INTERNAL, "The recording could not be stored.", e);
        }
    }

    @Override
    public long size(String key) {
        try {
            return Files.size(resolve(key));
        } catch (NoSuchFileException e) {
            throw new StorageException(ProblemType.NOT_FOUND, "The recording file no longer exists.", e);
        } catch (IOException e) {
            throw new StorageException(ProblemType.INTERNAL, "The recording file could not be read.", e);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(resolve(key), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new StorageException(ProblemType.NOT_FOUND, "The recording file no longer exists.", e);
        }
        channel.position(offset);
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new StorageException(ProblemType.INTERNAL, "The recording file could not be deleted.", e);
        }
    }

    private Path resolve(String key) {
        Path target = bucketDirectory.resolve(key).normalize();
        if (key.isBlank() || key.startsWith("/") || !target.startsWith(bucketDirectory)
                || target.equals(bucketDirectory)) {
            throw new StorageException(ProblemType.BAD_REQUEST, "Invalid storage key.", null);
        }
        return target;
    }
}
