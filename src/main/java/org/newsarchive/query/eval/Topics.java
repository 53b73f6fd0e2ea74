package org.newsarchive.query.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a topics file in either of two formats, told apart by the first thing in the file:
 *
 * <ul>
 *   <li><b>Classic TREC</b>, when the file starts with {@code <top>}: blocks
 *       {@code <top> <num> Number: 301 <title> ... <desc> Description: ... <narr> ... </top>}.
 *       Tags may stand on their own lines or share one; closing tags such as {@code </title>} are
 *       allowed; the prefixes {@code Number:}, {@code Topic:} and {@code Description:} are dropped;
 *       other tags ({@code <narr>}, {@code <con>}...) end the field before them and are ignored.
 *   <li><b>TSV</b> otherwise: one topic a line, {@code TOPIC<TAB>QUERY}; blank lines and lines
 *       starting with {@code #} are skipped.
 * </ul>
 *
 * Topic identifiers are one word (the qrels and run formats are separated by white space) and
 * unique. Every problem is an {@link EvalFileException} naming the file and line.
 */
public final class Topics {

    private static final Pattern TAG = Pattern.compile("<\\s*(/?)\\s*([A-Za-z]+)\\s*>");
    private static final Pattern NUMBER_PREFIX = Pattern.compile("(?i)^number\\s*:\\s*");
    private static final Pattern TITLE_PREFIX = Pattern.compile("(?i)^topic\\s*:\\s*");
    private static final Pattern DESC_PREFIX = Pattern.compile("(?i)^description\\s*:\\s*");

    private Topics() {
    }

    /** Reads a topics file, in either format. */
    public static List<Topic> read(Path file) throws EvalFileException {
        return parse(file.toString(), EvalFiles.read(file));
    }

    /** Parses the text of a topics file; {@code fileName} names it in errors. */
    public static List<Topic> parse(String fileName, String text) throws EvalFileException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Topic> topics = text.stripLeading().toLowerCase(Locale.ROOT).startsWith("<top>")
                ? parseTrec(fileName, text)
                : parseTsv(fileName, text);
        if (topics.isEmpty()) {
            throw new EvalFileException(fileName, "no topics");
        }
        return List.copyOf(topics);
    }

    private static List<Topic> parseTsv(String fileName, String text) throws EvalFileException {
        List<Topic> topics = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new EvalFileException(fileName, lineNumber, "expected TOPIC<TAB>QUERY, found no tab");
            }
            String id = line.substring(0, tab).strip();
            String query = line.substring(tab + 1).strip();
            checkId(fileName, lineNumber, id, seen);
            if (query.isEmpty()) {
                throw new EvalFileException(fileName, lineNumber, "topic " + id + " has an empty query");
            }
            topics.add(new Topic(id, query, null, false, fileName, lineNumber));
        }
        return topics;
    }

    private static void checkId(String fileName, int line, String id, Map<String, Integer> seen)
            throws EvalFileException {
        if (id.isEmpty()) {
            throw new EvalFileException(fileName, line, "empty topic number");
        }
        if (id.chars().anyMatch(Character::isWhitespace)) {
            throw new EvalFileException(fileName, line, "topic number '" + id + "' is not one word");
        }
        Integer first = seen.putIfAbsent(id, line);
        if (first != null) {
            throw new EvalFileException(fileName, line, "topic " + id + " appears a second time (first on line "
                    + first + ")");
        }
    }

    private static List<Topic> parseTrec(String fileName, String text) throws EvalFileException {
        Lines lines = new Lines(text);
        List<Topic> topics = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher tag = TAG.matcher(text);
        int position = 0;
        int topLine = -1; // the line of the open <top>, or -1 outside a topic
        String field = null; // the field whose text is being read
        Map<String, StringBuilder> fields = new HashMap<>();
        Map<String, Integer> fieldLines = new HashMap<>();
        while (tag.find()) {
            String between = text.substring(position, tag.start());
            int line = lines.at(tag.start());
            if (topLine < 0) {
                requireBlank(fileName, lines, between, position);
            } else if (field != null) {
                fields.get(field).append(between);
            }
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            boolean closing = !tag.group(1).isEmpty();
            if (name.equals("top")) {
                if (!closing) {
                    if (topLine >= 0) {
                        throw new EvalFileException(fileName, line,
                                "<top> inside the topic opened on line " + topLine + " (missing </top>)");
                    }
                    topLine = line;
                    fields.clear();
                    fieldLines.clear();
                } else {
                    if (topLine < 0) {
                        throw new EvalFileException(fileName, line, "</top> without <top>");
                    }
                    topics.add(topic(fileName, topLine, fields, fieldLines, seen));
                    topLine = -1;
                }
                field = null;
            } else {
                if (topLine < 0) {
                    throw new EvalFileException(fileName, line, "<" + tag.group(1) + name + "> outside <top> ... </top>");
                }
                if (closing) {
                    field = null;
                } else {
                    if (fieldLines.containsKey(name) && isKnown(name)) {
                        throw new EvalFileException(fileName, line, "a second <" + name + "> in the topic opened on line "
                                + topLine);
                    }
                    field = name;
                    fields.put(name, new StringBuilder());
                    fieldLines.put(name, line);
                }
            }
            position = tag.end();
        }
        if (topLine >= 0) {
            throw new EvalFileException(fileName, topLine, "the topic opened here is never closed (no </top>)");
        }
        requireBlank(fileName, lines, text.substring(position), position);
        return topics;
    }

    private static boolean isKnown(String field) {
        return field.equals("num") || field.equals("title") || field.equals("desc");
    }

    private static void requireBlank(String fileName, Lines lines, String text, int offset) throws EvalFileException {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                throw new EvalFileException(fileName, lines.at(offset + i), "text outside <top> ... </top>");
            }
        }
    }

    private static Topic topic(String fileName, int topLine, Map<String, StringBuilder> fields,
            Map<String, Integer> fieldLines, Map<String, Integer> seen) throws EvalFileException {
        if (!fields.containsKey("num")) {
            throw new EvalFileException(fileName, topLine, "the topic opened here has no <num>");
        }
        int numLine = fieldLines.get("num");
        String id = NUMBER_PREFIX.matcher(collapse(fields.get("num"))).replaceFirst("");
        checkId(fileName, numLine, id, seen);
        String title = text(fields.get("title"), TITLE_PREFIX);
        String description = text(fields.get("desc"), DESC_PREFIX);
        if (title == null && description == null) {
            throw new EvalFileException(fileName, topLine, "topic " + id + " has neither <title> nor <desc> text");
        }
        return new Topic(id, title, description, true, fileName, topLine);
    }

    private static String text(StringBuilder field, Pattern prefix) {
        if (field == null) {
            return null;
        }
        String text = prefix.matcher(collapse(field)).replaceFirst("");
        return text.isEmpty() ? null : text;
    }

    private static String collapse(CharSequence text) {
        return text.toString().strip().replaceAll("\\s+", " ");
    }

    /** Line numbers of character offsets. */
    private static final class Lines {
        private final int[] starts;

        Lines(String text) {
            List<Integer> list = new ArrayList<>();
            list.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    list.add(i + 1);
                }
            }
            starts = list.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The line, counted from 1, of the character at {@code offset}. */
        int at(int offset) {
            int index = Arrays.binarySearch(starts, offset);
            return index >= 0 ? index + 1 : -index - 1;
        }
    }
}
