package com.convene.backend.outbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.squareup.tape2.QueueFile;
import io.github.resilience4j.core.IntervalFunction;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The durable outbox of PostgreSQL writes (docs/decisions/089-postgresql-outbox.md).
///
/// [#submit] never blocks: it hands the write to the outbox's own thread, which appends it to a journal on local
/// disk (Tape's `QueueFile`: each append and removal is written through with `rwd`, so a `kill -9` of the JVM loses
/// nothing appended) and then applies the journal's writes in order through [DeferredWriteApplier]. A failure that
/// may pass ([OutboxFailures]) keeps the write at the head of the journal and retries after 100 ms, doubling up to
/// 2 s, while new writes keep being journalled behind it; a permanent one is logged and dropped (counted). Writes
/// are idempotent, so the replay of a write applied just before a crash is harmless.
///
/// Each node (each application context) holds its own journal file `outbox-<n>.tape` in
/// `convene.outbox.directory`, taken with an exclusive lock; at start-up the journals of contexts that are gone
/// (a crashed node's) are moved into this one and applied first. Thread-safe.
@Context
public final class PostgresOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresOutbox.class);
    private static final String PREFIX = "outbox-";
    private static final String SUFFIX = ".tape";

    private final DeferredWriteApplier applier;
    private final OutboxConfig config;
    private final IntervalFunction retryDelays;
    private final JsonMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final LinkedBlockingQueue<DeferredWrite> submitted;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final QueueFile journal;
    private final Thread worker;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    /// Writes submitted but not yet applied or dropped (memory queue plus journal).
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean stopping;

    PostgresOutbox(DeferredWriteApplier applier, OutboxConfig config) {
        this.applier = applier;
        this.config = config;
        this.retryDelays = IntervalFunction.ofExponentialBackoff(config.firstRetry(), 2.0, config.maxRetry());
        this.submitted = new LinkedBlockingQueue<>(Math.max(1, config.capacity()));
        try {
            Files.createDirectories(config.directory());
            Path mine = null;
            FileChannel channel = null;
            FileLock held = null;
            for (int n = 0; held == null; n++) {
                mine = config.directory().resolve(PREFIX + n + SUFFIX);
                channel = FileChannel.open(config.directory().resolve(PREFIX + n + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                held = tryLock(channel);
                if (held == null) {
                    channel.close();
                }
            }
            this.lockChannel = channel;
            this.lock = held;
            this.journal = new QueueFile.Builder(mine.toFile()).build();
            adoptOrphans(mine);
        } catch (IOException e) {
            throw new UncheckedIOException("outbox journal not usable in " + config.directory(), e);
        }
        pending.set(journal.size());
        if (journal.size() > 0) {
            LOG.warn("Outbox holds {} writes from before a restart; applying them", journal.size());
        }
        worker = Thread.ofPlatform().name("postgres-outbox").daemon().start(this::run);
    }

    /// Hands `write` to the outbox; returns at once (no disk or database wait on the caller's thread).
    ///
    /// @return false when the outbox is full ([OutboxConfig#capacity] writes not yet journalled) or stopping; the
    ///         write is then lost and logged
    public boolean submit(DeferredWrite write) {
        if (stopping || !submitted.offer(write)) {
            LOG.error("Outbox full or stopping; write lost: {}", write);
            dropped.incrementAndGet();
            return false;
        }
        pending.incrementAndGet();
        return true;
    }

    /// Writes submitted and not yet applied (or dropped).
    public long pending() {
        return pending.get();
    }

    /// Writes applied since start.
    public long applied() {
        return applied.get();
    }

    /// Writes given up (permanent failure, or refused because full) since start.
    public long dropped() {
        return dropped.get();
    }

    /// Failed attempts to apply a write since start (each retry counts).
    public long failedAttempts() {
        return failedAttempts.get();
    }

    /// Waits up to `timeout` until nothing is pending; for tests and orderly shutdown.
    ///
    /// @return whether the outbox drained in time
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private void run() {
        int failures = 0;
        long nextAttemptNanos = 0;
        while (!stopping) {
            try {
                journalSubmitted();
                if (journal.isEmpty()) {
                    DeferredWrite next = submitted.poll(500, TimeUnit.MILLISECONDS);
                    if (next != null) {
                        append(next);
                    }
                    continue;
                }
                long wait = failures == 0 ? 0 : nextAttemptNanos - System.nanoTime();
                if (wait > 0) {
                    DeferredWrite next = submitted.poll(wait, TimeUnit.NANOSECONDS);
                    if (next != null) {
                        append(next);
                    }
                    continue;
                }
                byte[] head = journal.peek();
                DeferredWrite write = decode(head);
                try {
                    if (write != null) {
                        applier.apply(write);
                        applied.incrementAndGet();
                    }
                    journal.remove();
                    pending.decrementAndGet();
                    if (failures > 0) {
                        LOG.info("Outbox applying again after {} failed attempts; {} pending", failures, pending.get());
                    }
                    failures = 0;
                    nextAttemptNanos = 0;
                } catch (RuntimeException e) {
                    failedAttempts.incrementAndGet();
                    if (OutboxFailures.transientFailure(e)) {
                        failures++;
                        long delay = retryDelays.apply(failures);
                        nextAttemptNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay);
                        if (failures == 1) {
                            LOG.warn("Outbox write not applied, retrying until PostgreSQL takes it: {} ({})", write,
                                    e.toString());
                        }
                    } else {
                        LOG.error("Outbox write refused by PostgreSQL for good; dropped: {}", write, e);
                        journal.remove();
                        pending.decrementAndGet();
                        dropped.incrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                LOG.error("Outbox journal failed; retrying in 1 s", e);
                try {
                    Thread.sleep(1_000); // the outbox's own thread, never a caller's
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void journalSubmitted() throws IOException {
        List<DeferredWrite> batch = new ArrayList<>();
        submitted.drainTo(batch);
        for (DeferredWrite write : batch) {
            append(write);
        }
    }

    private void append(DeferredWrite write) throws IOException {
        journal.add(json.writeValueAsBytes(write));
    }

    private DeferredWrite decode(byte[] bytes) {
        try {
            return json.readValue(bytes, DeferredWrite.class);
        } catch (IOException e) {
            LOG.error("Unreadable outbox entry dropped: {}", new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            dropped.incrementAndGet();
            return null;
        }
    }

    /// Moves the entries of every other journal in the directory whose owner is gone into `mine`, then deletes it.
    private void adoptOrphans(Path mine) throws IOException {
        List<Path> others;
        try (var files = Files.list(config.directory())) {
            others = files.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                    && p.getFileName().toString().endsWith(SUFFIX) && !p.equals(mine)).sorted().toList();
        }
        for (Path other : others) {
            String name = other.getFileName().toString();
            Path lockFile = config.directory().resolve(name.substring(0, name.length() - SUFFIX.length()) + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock otherLock = tryLock(channel);
                if (otherLock == null) {
                    continue; // a live context of this machine owns it
                }
                try (QueueFile orphan = new QueueFile.Builder(other.toFile()).build()) {
                    int moved = 0;
                    for (byte[] entry : orphan) {
                        journal.add(entry);
                        moved++;
                    }
                    if (moved > 0) {
                        LOG.warn("Outbox adopted {} writes of a node that stopped: {}", moved, other);
                    }
                } finally {
                    otherLock.release();
                }
                Files.deleteIfExists(other);
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null; // held by this JVM (another context)
        }
    }

    @PreDestroy
    void stop() throws IOException {
        stopping = true;
        worker.interrupt();
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<DeferredWrite> rest = new ArrayList<>();
        submitted.drainTo(rest);
        for (DeferredWrite write : rest) {
            append(write); // journalled, applied by the next start
        }
        journal.close();
        lock.release();
        lockChannel.close();
    }
}
