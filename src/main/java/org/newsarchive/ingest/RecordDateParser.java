package org.newsarchive.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the publication date of a JSON record, in the forms crawlers and APIs write.
 *
 * <p>Wider than the seed format's date line ({@link PublicationDateParser}, unchanged), because
 * nobody writes JSON by hand: news-please writes {@code 2023-12-22 08:30:00}, feeds RFC 1123
 * ({@code Fri, 22 Dec 2023 08:30:00 GMT}), APIs ISO-8601 with {@code Z} or an offset, with or
 * without a colon, and some exports seconds or milliseconds since 1970. Every value is checked
 * strictly: {@code 2023-02-30} is an impossible date, reported as such, never moved to March.
 *
 * <p>A date-time with an offset keeps it; one without keeps its time of day and no offset
 * (none is invented); a number is an instant, dated in UTC.
 */
final class RecordDateParser {

    /** The accepted forms, repeated in every unrecognised-date detail. */
    static final String EXPECTED_FORMS = "expected an ISO date or date-time, 'YYYY-MM-DD HH:MM:SS', "
            + "RFC 1123 or seconds since 1970";

    /** Year-month-day, then optionally a time (after T or a space), then optionally an offset. */
    private static final Pattern ISO_LIKE = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
            + "(?:[Tt ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
            + "\\s*([Zz]|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?)?");

    /** Day name optional, as RFC 1123 allows; "GMT", "UT", "Z" or a numeric offset. */
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;

    /** Milliseconds rather than seconds above this (in seconds it would be the year 5138). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private RecordDateParser() {
    }

    /** The outcome of reading one value. */
    sealed interface Result {
    }

    /** A real date, with what is known of its time (at most one of {@code time} and {@code localTime}). */
    record Valid(LocalDate date, OffsetDateTime time, LocalTime localTime) implements Result {
    }

    /**
     * Not a usable date.
     *
     * @param reason {@link RejectReason#IMPOSSIBLE_DATE}, {@link RejectReason#UNRECOGNISED_DATE}
     *               or {@link RejectReason#NO_DATE}
     */
    record Invalid(RejectReason reason, String detail) implements Result {
    }

    /** Parses a textual date. Never throws. */
    static Result parse(String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            return new Invalid(RejectReason.NO_DATE, "the date is empty");
        }
        Matcher iso = ISO_LIKE.matcher(text);
        if (iso.matches()) {
            return fromIso(iso, text);
        }
        if (text.chars().allMatch(Character::isDigit) && text.length() <= 15) {
            return ofEpoch(Long.parseLong(text));
        }
        if (Character.isLetter(text.charAt(0)) || Character.isDigit(text.charAt(0))) {
            try {
                OffsetDateTime time = OffsetDateTime.parse(text, RFC_1123);
                return new Valid(time.toLocalDate(), time, null);
            } catch (DateTimeParseException e) {
                if (looksLikeRfc1123(text)) {
                    return impossible(text);
                }
            }
        }
        return unrecognised(text);
    }

    /** Parses a numeric date: seconds since 1970, or milliseconds when larger than any year in seconds. */
    static Result parse(long epoch) {
        return ofEpoch(epoch);
    }

    private static Result ofEpoch(long epoch) {
        try {
            Instant instant = Math.abs(epoch) >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch);
            OffsetDateTime time = instant.atOffset(ZoneOffset.UTC);
            return new Valid(time.toLocalDate(), time, null);
        } catch (DateTimeException | ArithmeticException e) {
            return impossible(Long.toString(epoch));
        }
    }

    private static Result fromIso(Matcher m, String text) {
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return impossible(text);
        }
        if (m.group(4) == null) {
            return new Valid(date, null, null);
        }
        LocalTime time;
        try {
            int nanos = 0;
            if (m.group(7) != null) {
                String fraction = (m.group(7) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(fraction);
            }
            time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
        } catch (DateTimeException e) {
            return impossible(text);
        }
        String zone = m.group(8);
        if (zone == null) {
            return new Valid(date, null, time);
        }
        ZoneOffset offset;
        try {
            offset = offset(zone);
        } catch (DateTimeException e) {
            return impossible(text);
        }
        OffsetDateTime dateTime = OffsetDateTime.of(LocalDateTime.of(date, time), offset);
        return new Valid(date, dateTime, null);
    }

    private static ZoneOffset offset(String zone) {
        if (zone.equalsIgnoreCase("Z") || zone.equals("UTC") || zone.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.replace(":", "");
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = digits.length() > 3 ? Integer.parseInt(digits.substring(3, 5)) : 0;
        if (minutes > 59) {
            throw new DateTimeException("minutes out of range");
        }
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** "Fri, 30 Feb 2023 ..." is an RFC 1123 date that names no real day, not an unknown form. */
    private static boolean looksLikeRfc1123(String text) {
        return text.matches("(?:[A-Za-z]{3},\\s*)?\\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} "
                + "\\d{2}:\\d{2}(?::\\d{2})? (?:GMT|UT|Z|[+-]\\d{4})");
    }

    private static Invalid impossible(String text) {
        return new Invalid(RejectReason.IMPOSSIBLE_DATE, "impossible date " + text);
    }

    private static Invalid unrecognised(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "\u2026" : text;
        return new Invalid(RejectReason.UNRECOGNISED_DATE,
                "unrecognised date '" + shown + "' (" + EXPECTED_FORMS + ")");
    }
}
