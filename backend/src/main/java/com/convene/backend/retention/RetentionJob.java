package com.convene.backend.retention;

import com.convene.backend.recording.RecordingRemoval;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The daily retention run (decision 027): first expired recordings with their files, then seed 000's deletes.
///
/// 1. Recordings whose `expires_at` has passed (set at creation from `convene.recording.retention`), and those of
///    the ended meetings step 2 is about to delete, are removed by [RecordingRemoval]: their files in storage, then
///    their rows, one recording at a time, outside any transaction, because files cannot be rolled back; one that
///    fails is logged and retried at the next run.
/// 2. [SeedRetention]: ended meetings older than 7 years and chat older than 1 year, in one transaction.
///
/// "Now" is the injected [Clock] (`config.ClockFactory`, UTC), so a test can move time forward.
///
/// Blocking (JDBC, storage); the scheduler runs it on its own thread. Idempotent, so several nodes may run it.
@Singleton
public class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final SeedRetention seed;
    private final RecordingRemoval recordings;
    private final Clock clock;
    private final RetentionConfig config;

    RetentionJob(SeedRetention seed, RecordingRemoval recordings, Clock clock, RetentionConfig config) {
        this.seed = seed;
        this.recordings = recordings;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(cron = "${convene.retention.cron:0 30 3 * * *}")
    void scheduled() {
        if (!config.enabled()) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            LOG.error("Retention run failed; it will be retried at the next schedule", e);
        }
    }

    /// Removes expired recordings, then deletes what seed 000's retention says, as of the clock's now.
    ///
    /// @throws IllegalStateException wrapping a database error of step 2; nothing of step 2 is deleted then
    public RetentionReport run() {
        Instant now = clock.instant();
        RecordingRemoval.Outcome expired = recordings.removeExpired(now, SeedRetention.meetingCutoff(now));
        RetentionReport report = seed.run(now).withRecordingFiles(expired.removed().size(), expired.kept());
        LOG.info("Retention run done: {}", report);
        return report;
    }
}
