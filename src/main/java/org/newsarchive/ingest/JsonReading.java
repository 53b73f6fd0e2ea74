package org.newsarchive.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.Locale;

/** The one Jackson configuration the JSON readers share, and how its errors read to a user. */
final class JsonReading {

    /**
     * Thread-safe once configured. Strings may be as long as a record may be: the readers check
     * record sizes themselves.
     */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE - 8).build())
            .build());

    /** Reads one line's record: content after its value is an error (two objects on a line is a broken line). */
    static final ObjectReader LINE = MAPPER.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonReading() {
    }

    /** {@code bad JSON: <what is wrong>}, one line, without Jackson's source excerpt. */
    static String problem(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        if (message.startsWith("Trailing token")) {
            message = "more than one value";
        } else if (message.startsWith("Unexpected end-of-input")) {
            message = "it ends in the middle of a value";
        }
        for (String cut : new String[] {"\n", " (start marker at", " at [Source"}) {
            int at = message.indexOf(cut);
            if (at >= 0) {
                message = message.substring(0, at);
            }
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
