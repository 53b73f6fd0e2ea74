package org.newsarchive.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;

/** The one Jackson configuration the JSON readers share, and how its errors read to a user. */
final class JsonReading {

    /**
     * Thread-safe once configured. Trailing content after a record's object is an error (a line
     * holding two objects is a broken line, not two records). Strings may be as long as a record
     * may be: the readers check record sizes themselves.
     */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE - 8).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonReading() {
    }

    /** {@code bad JSON: <what Jackson says>}, one line, without Jackson's source excerpt. */
    static String problem(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        if (message.length() > 160) {
            message = message.substring(0, 160) + "\u2026";
        }
        if (!message.isEmpty() && Character.isUpperCase(message.charAt(0))
                && (message.length() == 1 || Character.isLowerCase(message.charAt(1)))) {
            message = message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
        }
        var location = e.getLocation();
        String column = location != null && location.getColumnNr() > 0 ? " (column " + location.getColumnNr() + ")" : "";
        return "bad JSON: " + message + column;
    }
}
