package com.convene.backend.meeting;

import com.convene.model.api.MeetingView;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/// Builds the iCalendar object (RFC 5545) of a meeting or series with ical4j, for `GET .../calendar.ics`: one
/// VEVENT with the meeting's UID, start and end in its zone (with the VTIMEZONE), the web join link as URL and
/// LOCATION and in the DESCRIPTION, the RRULE and an EXDATE per cancelled occurrence, and STATUS:CANCELLED for a
/// cancelled meeting. Outlook and Google Calendar import it as is. Stateless and thread-safe.
final class CalendarExport {

    private static final String PRODUCT = "-//Convene//Convene Meetings//EN";

    private CalendarExport() {
    }

    /// The `.ics` text of `meeting`.
    ///
    /// @param cancelledStarts original starts of cancelled occurrences of a series (EXDATE)
    static String ics(MeetingView meeting, List<Instant> cancelledStarts) {
        ZoneId zone = ZoneId.of(meeting.timeZone());
        Instant startInstant = meeting.scheduledStart() != null ? meeting.scheduledStart() : meeting.createdAt();
        ZonedDateTime start = startInstant.atZone(zone);
        ZonedDateTime end = meeting.scheduledEnd() != null ? meeting.scheduledEnd().atZone(zone) : start.plusHours(1);

        VEvent event = new VEvent(start, end, meeting.title());
        event.add(new Uid(meeting.id() + "@convene"));
        // the VEvent constructor already set DTSTAMP (RFC 5545 allows exactly one)
        event.add(new LastModified(meeting.updatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        // a revision number that only grows: seconds between creation and the last change (RFC 5545 §3.8.7.4)
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE,
                meeting.updatedAt().getEpochSecond() - meeting.createdAt().getEpochSecond())));
        event.add(new Url(URI.create(meeting.joinUrl())));
        event.add(new Location(meeting.joinUrl()));
        StringBuilder description = new StringBuilder();
        if (meeting.description() != null && !meeting.description().isBlank()) {
            description.append(meeting.description().strip()).append("\n\n");
        }
        description.append("Join: ").append(meeting.joinUrl())
                .append("\nDesktop app: ").append(meeting.joinLink())
                .append("\nMeeting code: ").append(meeting.joinCode());
        event.add(new Description(description.toString()));
        if (meeting.recurrenceRule() != null) {
            event.add(new RRule<ZonedDateTime>(new Recur<ZonedDateTime>(meeting.recurrenceRule())));
            if (!cancelledStarts.isEmpty()) {
                // EXDATE values must have the DTSTART's form: local time with the same TZID (RFC 5545 §3.8.5.1)
                event.add(new ExDate<>(new ParameterList(List.of(new TzId(zone.getId()))),
                        new DateList<>(cancelledStarts.stream().map(i -> i.atZone(zone)).toList())));
            }
        }
        if (MeetingStatus.CANCELLED.wireName().equals(meeting.status())) {
            event.add(ImmutableStatus.VEVENT_CANCELLED);
        } else {
            event.add(ImmutableStatus.VEVENT_CONFIRMED);
        }

        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        if (!"UTC".equals(zone.getId())) {
            TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
            VTimeZone timeZone = registry.getTimeZone(zone.getId()).getVTimeZone();
            calendar.add(timeZone);
        }
        calendar.add(event);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
