package org.newsarchive.ingest;

/**
 * Why a source file, or one record of a file of many, was not indexed. Each reason has a stable lower-case code, used in reports
 * and JSON output so that scripts can count rejections by kind.
 */
public enum RejectReason {
    EMPTY("empty", "the file is empty or holds only whitespace"),
    NO_DATE_LINE("no-date-line", "the first line is not a 'date' line"),
    IMPOSSIBLE_DATE("impossible-date", "the date does not exist in the calendar"),
    UNRECOGNISED_DATE("unrecognised-date", "the date line holds no date in a known form"),
    BINARY("binary", "the file holds binary content (NUL bytes)"),
    TOO_LARGE("too-large", "the file is over the size limit"),
    NO_TEXT("no-text", "there is no text after the date"),
    UNREADABLE("unreadable", "the file or folder could not be read"),
    BAD_JSON("bad-json", "a record is not a well-formed JSON object"),
    NO_DATE("no-date", "a JSON record has no publication date"),
    NOT_AN_ARTICLE("not-an-article", "a JSON record has no title and no text: it is not an article");

    private final String code;
    private final String description;

    RejectReason(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** Stable identifier for reports, e.g. {@code no-date-line}. */
    public String code() {
        return code;
    }

    /** One-sentence explanation for documentation and help. */
    public String description() {
        return description;
    }
}
