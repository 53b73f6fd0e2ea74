package org.newsarchive.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date token of a date line.
 *
 * <p>Recognising a form and validating it are two separate steps on purpose: a token that has the
 * shape of a date but names no real day ({@code 2023-02-30}) is almost always a typo the user can
 * fix, while a token in no known form ({@code yesterday}, {@code 22 Dec 2023}) means the file was
 * written by a tool that does not follow the format. The two get different reject reasons so a
 * report can tell them apart.
 *
 * <p>Validation is strict ({@link java.time.format.ResolverStyle#STRICT} semantics): a lenient
 * resolver would quietly turn {@code 2023-02-30} into March 2, and the article would be filed on a
 * day it was never published.
 */
final class PublicationDateParser {

    /** The accepted forms, as a user-facing phrase, repeated in every unrecognised-date detail. */
    static final String EXPECTED_FORMS =
            "expected YYYY-MM-DD, YYYY/MM/DD or an ISO date-time with offset";

    /**
     * Year, month, day with the same separator twice. One- or two-digit month and day are both
     * accepted for either separator: hand-written archives drop leading zeros.
     */
    private static final Pattern PLAIN_DATE = Pattern.compile("(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})");

    /**
     * The shape of an ISO-8601 date-time with an offset. Only the shape: the values are checked by
     * java.time so that an impossible value (hour 25, February 30) is reported as impossible rather
     * than unrecognised. A date-time without an offset does not match: its instant is unknown.
     */
    private static final Pattern OFFSET_DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:[Zz]|[+-]\\d{2}:\\d{2}(?::\\d{2})?)");

    /** Already strict: ISO formatters use {@code ResolverStyle.STRICT} and the ISO chronology. */
    private static final DateTimeFormatter ISO_OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private PublicationDateParser() {
    }

    /** The outcome of reading one token. */
    sealed interface Result {
    }

    /**
     * A real date.
     *
     * @param date the local date the archive gives
     * @param time the full date-time, or {@code null} when the token held a date only
     */
    record Valid(LocalDate date, OffsetDateTime time) implements Result {
    }

    /**
     * Not a usable date.
     *
     * @param reason {@link RejectReason#IMPOSSIBLE_DATE} or {@link RejectReason#UNRECOGNISED_DATE}
     * @param detail the message for the user
     */
    record Invalid(RejectReason reason, String detail) implements Result {
    }

    /**
     * Parses {@code token}, the first whitespace-free run after the date word; an empty token
     * means the date line held nothing after the word.
     */
    static Result parse(String token) {
        if (token.isEmpty()) {
            return new Invalid(RejectReason.UNRECOGNISED_DATE,
                    "no date after the word 'date' (" + EXPECTED_FORMS + ")");
        }
        Matcher plain = PLAIN_DATE.matcher(token);
        if (plain.matches()) {
            try {
                LocalDate date = LocalDate.of(
                        Integer.parseInt(plain.group(1)),
                        Integer.parseInt(plain.group(3)),
                        Integer.parseInt(plain.group(4)));
                return new Valid(date, null);
            } catch (DateTimeException e) {
                return impossible(token);
            }
        }
        if (OFFSET_DATE_TIME.matcher(token).matches()) {
            try {
                OffsetDateTime time = OffsetDateTime.parse(token, ISO_OFFSET);
                return new Valid(time.toLocalDate(), time);
            } catch (DateTimeParseException e) {
                return impossible(token);
            }
        }
        return new Invalid(RejectReason.UNRECOGNISED_DATE,
                "unrecognised date '" + token + "' (" + EXPECTED_FORMS + ")");
    }

    private static Invalid impossible(String token) {
        return new Invalid(RejectReason.IMPOSSIBLE_DATE, "impossible date " + token);
    }
}
