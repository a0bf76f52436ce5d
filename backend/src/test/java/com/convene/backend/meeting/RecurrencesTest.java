package com.convene.backend.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/// RFC 5545 rule expansion through ical4j: the three supported frequencies, UNTIL, ranges and DST.
class RecurrencesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void expandsDailyWithUntilInclusive() {
        List<Instant> starts = Recurrences.starts("FREQ=DAILY;UNTIL=20270104T090000Z",
                Instant.parse("2027-01-01T09:00:00Z"), ZoneId.of("UTC"),
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-02-01T00:00:00Z"));

        assertThat(starts).containsExactly(Instant.parse("2027-01-01T09:00:00Z"), Instant.parse("2027-01-02T09:00:00Z"),
                Instant.parse("2027-01-03T09:00:00Z"), Instant.parse("2027-01-04T09:00:00Z"));
    }

    @Test
    void expandsWeeklyOnSeveralDaysWithinTheRangeOnly() {
        // Mon 4 Jan 2027 10:00 Berlin; Mondays and Wednesdays
        List<Instant> starts = Recurrences.starts("FREQ=WEEKLY;BYDAY=MO,WE", Instant.parse("2027-01-04T09:00:00Z"),
                BERLIN, Instant.parse("2027-01-06T00:00:00Z"), Instant.parse("2027-01-12T00:00:00Z"));

        assertThat(starts).containsExactly(Instant.parse("2027-01-06T09:00:00Z"), Instant.parse("2027-01-11T09:00:00Z"));
    }

    @Test
    void monthlyOnThe31stSkipsShorterMonths() {
        List<Instant> starts = Recurrences.starts("FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4",
                Instant.parse("2027-01-31T15:00:00Z"), ZoneId.of("UTC"),
                Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"));

        // RFC 5545 §3.3.10: invalid dates (30 February, 31 April...) are ignored, not moved
        assertThat(starts).containsExactly(Instant.parse("2027-01-31T15:00:00Z"), Instant.parse("2027-03-31T15:00:00Z"),
                Instant.parse("2027-05-31T15:00:00Z"), Instant.parse("2027-07-31T15:00:00Z"));
    }

    @Test
    void keepsLocalTimeAcrossTheAutumnChangeInNewYork() {
        // daily 08:00 New York; DST ends Sunday 7 November 2027
        List<Instant> starts = Recurrences.starts("FREQ=DAILY;COUNT=3", Instant.parse("2027-11-06T12:00:00Z"),
                NEW_YORK, Instant.parse("2027-11-01T00:00:00Z"), Instant.parse("2027-12-01T00:00:00Z"));

        assertThat(starts).containsExactly(Instant.parse("2027-11-06T12:00:00Z"), Instant.parse("2027-11-07T13:00:00Z"),
                Instant.parse("2027-11-08T13:00:00Z"));
    }

    @Test
    void acceptsOnlyWellFormedDailyWeeklyAndMonthlyRules() {
        assertThat(Recurrences.problem("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10")).isEmpty();
        assertThat(Recurrences.problem("RRULE:FREQ=MONTHLY;BYDAY=1MO")).isEmpty();
        assertThat(Recurrences.problem("FREQ=YEARLY")).isPresent();
        assertThat(Recurrences.problem("FREQ=MINUTELY")).isPresent();
        assertThat(Recurrences.problem("FREQ=DAILY;INTERVAL=1000")).isPresent();
        assertThat(Recurrences.problem("FREQ=WEEKLY;BYDAY=FUNDAY")).isPresent();
        assertThat(Recurrences.problem("")).isPresent();
        assertThat(Recurrences.problem("x".repeat(501))).isPresent();
    }
}
