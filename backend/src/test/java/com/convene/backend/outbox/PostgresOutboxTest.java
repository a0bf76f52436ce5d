package com.convene.backend.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// [PostgresOutbox]'s promises (docs/decisions/089-postgresql-outbox.md), with an applier that plays PostgreSQL's
/// part by failing as a pool does when PostgreSQL is down (`SQLTransientConnectionException`) or as a bad write does
/// (SQLSTATE 23505): writes are applied in order; a write that cannot land yet is retried, and the ones behind it wait;
/// a permanently refused one is dropped and counted; what is journalled survives the outbox (a new one on the same
/// directory applies it); a second outbox of the same directory takes its own journal and adopts none of a live one's.
class PostgresOutboxTest {

  @TempDir Path dir;

  private final List<DeferredWrite> applied = new CopyOnWriteArrayList<>();
  private final AtomicBoolean down = new AtomicBoolean();

  private final DeferredWriteApplier postgres = write -> {
    if (down.get()) {
      throw new RuntimeException(new SQLTransientConnectionException("Connection is not available, request timed out"));
    }
    applied.add(write);
  };

  @Test
  void writesWaitForPostgresAndLandInOrder() throws Exception {
    PostgresOutbox outbox = new PostgresOutbox(postgres, config());
    try {
      down.set(true);
      List<DeferredWrite> writes = leaves(20);
      writes.forEach(outbox::submit);
      Thread.sleep(300); // several failed attempts while "down"
      assertThat(applied).isEmpty();
      assertThat(outbox.pending()).isEqualTo(20);
      assertThat(outbox.failedAttempts()).isPositive();

      down.set(false);
      assertThat(outbox.awaitDrained(Duration.ofSeconds(5))).isTrue();
      assertThat(applied).containsExactlyElementsOf(writes);
      assertThat(outbox.dropped()).isZero();
    } finally {
      outbox.stop();
    }
  }

  @Test
  void aPermanentlyRefusedWriteIsDroppedAndTheRestLand() throws Exception {
    DeferredWrite bad = new DeferredWrite.MeetingEnded(UUID.randomUUID(), Instant.now());
    DeferredWriteApplier refusesOne = write -> {
      if (write.equals(bad)) {
        throw new RuntimeException(new SQLException("duplicate key value violates unique constraint", "23505"));
      }
      applied.add(write);
    };
    PostgresOutbox outbox = new PostgresOutbox(refusesOne, config());
    try {
      List<DeferredWrite> good = leaves(2);
      outbox.submit(good.get(0));
      outbox.submit(bad);
      outbox.submit(good.get(1));
      assertThat(outbox.awaitDrained(Duration.ofSeconds(5))).isTrue();
      assertThat(applied).containsExactlyElementsOf(good);
      assertThat(outbox.dropped()).isEqualTo(1);
    } finally {
      outbox.stop();
    }
  }

  @Test
  void journalledWritesSurviveTheOutboxAndOrphansAreAdopted() throws Exception {
    down.set(true);
    PostgresOutbox first = new PostgresOutbox(postgres, config());
    List<DeferredWrite> writes = leaves(5);
    writes.forEach(first::submit);
    Thread.sleep(200);
    // a second live outbox of the same directory takes its own journal and leaves the first one's alone
    PostgresOutbox second = new PostgresOutbox(postgres, config());
    assertThat(second.pending()).isZero();
    first.stop();
    second.stop();
    try (var files = Files.list(dir)) {
      assertThat(files.filter(p -> p.toString().endsWith(".tape")).count()).isEqualTo(2);
    }

    down.set(false);
    PostgresOutbox restarted = new PostgresOutbox(postgres, config());
    try {
      assertThat(restarted.awaitDrained(Duration.ofSeconds(5))).isTrue();
      assertThat(applied).containsExactlyElementsOf(writes);
    } finally {
      restarted.stop();
    }
  }

  @Test
  void connectionFailuresAreTransientAndBadWritesAreNot() {
    assertThat(OutboxFailures.transientFailure(new RuntimeException(new SQLTransientConnectionException("timeout"))))
        .isTrue();
    assertThat(OutboxFailures.transientFailure(new SQLException("connection refused", "08001"))).isTrue();
    assertThat(OutboxFailures.transientFailure(new SQLException("terminating connection", "57P01"))).isTrue();
    assertThat(OutboxFailures.transientFailure(new IllegalStateException("no SQL state"))).isTrue();
    assertThat(OutboxFailures.transientFailure(new SQLException("invalid input syntax", "22P02"))).isFalse();
    assertThat(OutboxFailures.transientFailure(new RuntimeException(new SQLException("fk", "23503")))).isFalse();
  }

  private OutboxConfig config() {
    return new OutboxConfig(dir, Duration.ofMillis(20), Duration.ofMillis(100), 1000);
  }

  private static List<DeferredWrite> leaves(int n) {
    Instant at = Instant.parse("2026-12-06T08:00:00Z");
    return java.util.stream.IntStream.range(0, n)
        .<DeferredWrite>mapToObj(i -> new DeferredWrite.ParticipantLeft(UUID.randomUUID(), at.plusSeconds(i)))
        .toList();
  }
}
