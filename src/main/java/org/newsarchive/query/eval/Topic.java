package org.newsarchive.query.eval;

import java.util.Objects;

/**
 * One topic: an identifier (as the qrels name it) and its texts.
 *
 * @param id          the topic number or name, without white space
 * @param title       the title of a TREC topic (null when it has none), or the query of a TSV line
 * @param description the description of a TREC topic, or null when it has none (always for TSV)
 * @param trec        whether it comes from a classic TREC topic file (else TSV)
 * @param file        the file it was read from, for messages
 * @param line        the line it starts on, counted from 1
 */
public record Topic(String id, String title, String description, boolean trec, String file, int line) {

    public Topic {
        Objects.requireNonNull(id, "id");
    }

    /**
     * The query text for this topic: the TREC field asked for, or the query of a TSV line
     * whatever the field.
     *
     * @throws EvalFileException when the topic lacks the text asked for
     */
    public String query(TopicField field) throws EvalFileException {
        if (!trec) {
            return title;
        }
        String text = switch (field) {
            case TITLE -> require(title, "<title>");
            case DESC -> require(description, "<desc>");
            case TITLE_DESC -> require(title, "<title>") + " " + require(description, "<desc>");
        };
        return text;
    }

    private String require(String text, String tag) throws EvalFileException {
        if (text == null || text.isBlank()) {
            throw new EvalFileException(file, line, "topic " + id + " has no " + tag + " text");
        }
        return text;
    }
}
