package com.convene.backend.chat;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Stores chat messages in PostgreSQL off the caller's thread, within a deadline (docs/decisions/024).
///
/// Each sender participant has a lane: its messages are inserted in the order they were handed in, by one
/// virtual thread at a time, and whatever queued up while an insert ran goes in the next insert as one batch
/// (one transaction, up to 100 rows), so a burst costs a few round trips rather than one per message. At most
/// `store-concurrency` inserts run at once on this node, so a hung PostgreSQL holds only that many connections.
///
/// Every message is answered by its own deadline, `store-deadline` after [#store] was called: stored, or
/// [ChatException] (`SERVICE_UNAVAILABLE`). A batch whose earliest deadline passes before its commit is rolled
/// back, so "not saved" means not stored (except when the deadline falls inside the commit itself).
/// Thread-safe; [#store] never blocks.
@Singleton
final class ChatStore {

    private static final Logger LOG = LoggerFactory.getLogger(ChatStore.class);
    private static final int MAX_BATCH = 100;

    private record Pending(StoredChat chat, long deadlineNanos, CompletableFuture<StoredChat> result) {}

    /// One sender's queue. `retired` once removed from [#lanes]: a sender then starts a new lane.
    private static final class Lane {
        final Queue<Pending> queue = new ArrayDeque<>();
        boolean draining;
        boolean retired;
    }

    private final ChatRepository repository;
    private final ChatPublisher publisher;
    private final ChatConfig config;
    private final Map<UUID, Lane> lanes = new ConcurrentHashMap<>();
    private final Semaphore permits;
    private final ExecutorService drainers =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("chat-store-", 0).factory());

    ChatStore(ChatRepository repository, ChatPublisher publisher, ChatConfig config) {
        this.repository = repository;
        this.publisher = publisher;
        this.config = config;
        this.permits = new Semaphore(config.storeConcurrency());
    }

    /// Queues `chat` for insertion behind its sender's earlier messages; returns at once.
    ///
    /// @return completes with the stored row (committed), or exceptionally with [ChatException] within
    ///     `store-deadline`; completes on a store thread or the deadline timer
    CompletableFuture<StoredChat> store(StoredChat chat) {
        long deadlineNanos = System.nanoTime() + config.storeDeadline().toNanos();
        CompletableFuture<StoredChat> result = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(config.storeDeadline().toNanos(), TimeUnit.NANOSECONDS)
                .execute(() -> result.completeExceptionally(notSaved(null)));
        Pending pending = new Pending(chat, deadlineNanos, result);
        UUID sender = chat.senderParticipantId();
        while (true) {
            Lane lane = lanes.computeIfAbsent(sender, k -> new Lane());
            boolean start;
            synchronized (lane) {
                if (lane.retired) {
                    continue;
                }
                lane.queue.add(pending);
                start = !lane.draining;
                lane.draining = true;
            }
            if (start) {
                drainers.execute(() -> drain(sender, lane));
            }
            return result;
        }
    }

    private void drain(UUID sender, Lane lane) {
        while (true) {
            List<Pending> batch = new ArrayList<>();
            synchronized (lane) {
                while (batch.size() < MAX_BATCH && !lane.queue.isEmpty()) {
                    Pending next = lane.queue.poll();
                    if (!next.result().isDone()) { // answered already: its deadline passed while it queued
                        batch.add(next);
                    }
                }
                if (batch.isEmpty()) {
                    lane.draining = false;
                    lane.retired = true;
                    lanes.remove(sender, lane);
                    return;
                }
            }
            insert(batch);
        }
    }

    private void insert(List<Pending> batch) {
        long deadline = batch.stream().mapToLong(Pending::deadlineNanos).min().orElseThrow();
        boolean permitted = false;
        try {
            permitted = permits.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (!permitted) {
                fail(batch, null);
                return;
            }
            List<StoredChat> stored = repository.insertOrGet(batch.stream().map(Pending::chat).toList(), deadline);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(stored.get(i));
            }
            publisher.wake();
        } catch (ChatRepository.DeadlinePassed e) {
            fail(batch, null);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Chat messages not stored count={}: {}", batch.size(), e.toString());
            fail(batch, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(batch, e);
        } finally {
            if (permitted) {
                permits.release();
            }
        }
    }

    private static void fail(List<Pending> batch, @Nullable Throwable cause) {
        batch.forEach(p -> p.result().completeExceptionally(notSaved(cause)));
    }

    private static ChatException notSaved(@Nullable Throwable cause) {
        return new ChatException("The message could not be saved; send it again.", cause);
    }

    @PreDestroy
    void shutdown() {
        drainers.shutdownNow();
    }
}
