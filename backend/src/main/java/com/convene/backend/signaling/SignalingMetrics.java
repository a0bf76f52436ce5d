package com.convene.backend.signaling;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/// Counters and the join timer of the signaling edge, exported through Micrometer
/// (docs/decisions/060-operations-metrics.md):
///
/// | meter (Prometheus name) | type | what |
/// |---|---|---|
/// | `convene_signaling_join_latency_seconds` | timer with histogram buckets | from a `join` frame's arrival to `joined` sent, direct admissions only (a waiting room measures the host, not the server) |
/// | `convene_signaling_malformed_frames_total` | counter | frames answered with `MALFORMED_MESSAGE` |
/// | `convene_signaling_wrong_meeting_passwords_total` | counter | joins refused with `MEETING_PASSWORD_WRONG` |
/// | `convene_signaling_disabled_account_disconnects_total` | counter | sockets closed with 4403 |
/// | `convene_signaling_idle_disconnects_total` | counter | sockets closed because the client went silent (no frame or pong within `idle-timeout`) |
/// | `convene_signaling_resumes_total{outcome}` | counter | `resumed`: a participant took its place back on a new socket; `rejected`: a `resume` refused with `RESUME_REJECTED`; `expired`: a detached participant left at the end of its grace period |
///
/// A [MeterBinder] (bound once by micronaut-micrometer; joins before that are not timed); the connected-clients
/// gauge is bound by [SignalingMeterBinder]. Thread-safe.
@Singleton
public final class SignalingMetrics implements MeterBinder {
  private final LongAdder malformedFrames = new LongAdder();
  private final LongAdder wrongMeetingPasswords = new LongAdder();
  private final LongAdder disabledAccountDisconnects = new LongAdder();
  private final LongAdder idleDisconnects = new LongAdder();
  private final java.util.Map<LiveRoom.Refusal, LongAdder> capacityRefusals =
      new java.util.EnumMap<>(LiveRoom.Refusal.class);
  private final java.util.Map<com.convene.backend.ratelimit.RateLimitedAction, LongAdder> rateLimited =
      new java.util.EnumMap<>(com.convene.backend.ratelimit.RateLimitedAction.class);

  {
    for (LiveRoom.Refusal reason : LiveRoom.Refusal.values()) {
      capacityRefusals.put(reason, new LongAdder());
    }
    for (com.convene.backend.ratelimit.RateLimitedAction action
        : com.convene.backend.ratelimit.RateLimitedAction.values()) {
      rateLimited.put(action, new LongAdder());
    }
  }
  private volatile @Nullable Timer joinLatency;
  private final java.util.Map<ResumeOutcome, LongAdder> resumes = new java.util.EnumMap<>(ResumeOutcome.class);

  /// How a participant's lost socket ended, the `outcome` tag of `convene.signaling.resumes`.
  public enum ResumeOutcome {
    /// Resumed on a new socket within the grace period.
    RESUMED,
    /// A `resume` was refused (wrong token or user, unknown participant, buffer overflowed, grace over).
    REJECTED,
    /// The grace period ended without a resume; the participant left the room.
    EXPIRED;

    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public SignalingMetrics() {
    for (ResumeOutcome outcome : ResumeOutcome.values()) {
      resumes.put(outcome, new LongAdder());
    }
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder("convene.signaling.malformed.frames", malformedFrames, LongAdder::sum)
        .description("Signaling frames answered with MALFORMED_MESSAGE").register(registry);
    FunctionCounter.builder("convene.signaling.wrong.meeting.passwords", wrongMeetingPasswords, LongAdder::sum)
        .description("Joins refused with MEETING_PASSWORD_WRONG").register(registry);
    FunctionCounter.builder("convene.signaling.disabled.account.disconnects", disabledAccountDisconnects,
            LongAdder::sum)
        .description("Signaling sockets closed with 4403 because the account was disabled").register(registry);
    FunctionCounter.builder("convene.signaling.idle.disconnects", idleDisconnects, LongAdder::sum)
        .description("Signaling sockets closed because the client sent nothing within the idle timeout")
        .register(registry);
    for (LiveRoom.Refusal reason : LiveRoom.Refusal.values()) {
      FunctionCounter.builder("convene.signaling.capacity.refusals", capacityRefusalCounter(reason), LongAdder::sum)
          .description("Joins refused for room capacity (decision 092), by reason")
          .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT)).register(registry);
    }
    for (com.convene.backend.ratelimit.RateLimitedAction action
        : com.convene.backend.ratelimit.RateLimitedAction.values()) {
      FunctionCounter.builder("convene.signaling.rate.limited", rateLimitedCounter(action), LongAdder::sum)
          .description("Requests refused by a rate limit (decision 093), by action")
          .tag("action", action.name().toLowerCase(java.util.Locale.ROOT)).register(registry);
    }
    for (ResumeOutcome outcome : ResumeOutcome.values()) {
      FunctionCounter.builder("convene.signaling.resumes", resumes.get(outcome), LongAdder::sum)
          .description("Lost signaling sockets by outcome: resumed, rejected, expired")
          .tag("outcome", outcome.tag()).register(registry);
    }
    joinLatency = Timer.builder("convene.signaling.join.latency")
        .description("From a join frame's arrival to joined sent (direct admissions)")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry);
  }

  void malformedFrame() {
    malformedFrames.increment();
  }

  private LongAdder capacityRefusalCounter(LiveRoom.Refusal reason) {
    return capacityRefusals.get(reason);
  }

  private LongAdder rateLimitedCounter(com.convene.backend.ratelimit.RateLimitedAction action) {
    return rateLimited.get(action);
  }

  /// Counts a join refused for room capacity.
  void capacityRefusal(LiveRoom.Refusal reason) {
    capacityRefusalCounter(reason).increment();
  }

  /// Counts a request refused by a rate limit.
  void rateLimited(com.convene.backend.ratelimit.RateLimitedAction action) {
    rateLimitedCounter(action).increment();
  }

  void wrongMeetingPassword() {
    wrongMeetingPasswords.increment();
  }

  void disabledAccountDisconnect() {
    disabledAccountDisconnects.increment();
  }

  void idleDisconnect() {
    idleDisconnects.increment();
  }

  /// Signaling sockets closed as dead (silent past the idle timeout) since start.
  public long idleDisconnects() {
    return idleDisconnects.sum();
  }

  void resume(ResumeOutcome outcome) {
    resumes.get(outcome).increment();
  }

  /// Lost sockets that ended with `outcome` since start.
  public long resumes(ResumeOutcome outcome) {
    return resumes.get(outcome).sum();
  }

  /// Records one direct join.
  ///
  /// @param receivedNanos [System#nanoTime()] when the `join` frame arrived
  void joined(long receivedNanos) {
    Timer timer = joinLatency;
    if (timer == null) {
      return;
    }
    timer.record(System.nanoTime() - receivedNanos, TimeUnit.NANOSECONDS);
  }

  /// Joins refused with `MEETING_PASSWORD_WRONG` since start.
  public long wrongMeetingPasswords() {
    return wrongMeetingPasswords.sum();
  }

  /// Signaling sockets closed with 4403 because their account was disabled, since start.
  public long disabledAccountDisconnects() {
    return disabledAccountDisconnects.sum();
  }

  /// Frames answered with `MALFORMED_MESSAGE` since start.
  public long malformedFrames() {
    return malformedFrames.sum();
  }
}
