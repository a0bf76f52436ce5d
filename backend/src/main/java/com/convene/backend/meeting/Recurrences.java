package com.convene.backend.meeting;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/// RFC 5545 recurrence rules (§3.3.10 RECUR, §3.8.5.3 RRULE) parsed and expanded by ical4j.
///
/// Occurrences are computed as `ZonedDateTime`s in the meeting's zone from its first start (DTSTART), so a weekly
/// 09:00 meeting in `Europe/Berlin` stays at 09:00 local time across a daylight-saving change (its UTC instant
/// moves by an hour). Stateless and thread-safe.
final class Recurrences {

    /// Frequencies the API accepts; finer ones (SECONDLY–HOURLY) make no sense for meetings and YEARLY is not
    /// asked for.
    static final Set<Frequency> SUPPORTED = Set.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY);
    /// Most occurrences one listing expands, a guard against huge ranges of a daily rule.
    static final int MAX_OCCURRENCES = 1000;

    private Recurrences() {
    }

    /// Parses and checks an RRULE value such as `FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10`.
    ///
    /// @return the reason it is refused, or empty when it is acceptable
    static Optional<String> problem(String rule) {
        if (rule.length() > 500) {
            return Optional.of("must be at most 500 characters");
        }
        Recur<ZonedDateTime> recur;
        try {
            recur = new Recur<>(rule.startsWith("RRULE:") ? rule.substring(6) : rule);
        } catch (RuntimeException e) {
            // ical4j signals a malformed rule with IllegalArgumentException and friends
            return Optional.of("must be an RFC 5545 RRULE value such as FREQ=WEEKLY;BYDAY=MO");
        }
        if (recur.getFrequency() == null || !SUPPORTED.contains(recur.getFrequency())) {
            return Optional.of("FREQ must be DAILY, WEEKLY or MONTHLY");
        }
        if (recur.getInterval() > 366) {
            return Optional.of("INTERVAL must be at most 366");
        }
        return Optional.empty();
    }

    /// The canonical text of an accepted rule (ical4j's own serialisation, without `RRULE:`).
    static String normalize(String rule) {
        return new Recur<ZonedDateTime>(rule.startsWith("RRULE:") ? rule.substring(6) : rule).toString();
    }

    /// Starts of the occurrences of `rule` from `firstStart` in `zone` that begin in `[from, to)`.
    ///
    /// @return UTC instants in ascending order, at most [#MAX_OCCURRENCES]
    static List<Instant> starts(String rule, Instant firstStart, ZoneId zone, Instant from, Instant to) {
        Recur<ZonedDateTime> recur = new Recur<>(rule);
        ZonedDateTime seed = firstStart.atZone(zone);
        // ical4j's range is inclusive of both ends; [from, to) is enforced below
        List<ZonedDateTime> dates = recur.getDates(seed, from.atZone(zone), to.atZone(zone), MAX_OCCURRENCES);
        // DTSTART is always the first occurrence (RFC 5545 §3.8.5.3), even when it does not match BYxxx parts
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(firstStart),
                        dates.stream().map(ZonedDateTime::toInstant))
                .filter(i -> !i.isBefore(from) && i.isBefore(to) && !i.isBefore(firstStart))
                .sorted().distinct().limit(MAX_OCCURRENCES).toList();
    }
}
