package org.newsarchive.entity.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a gazetteer list as {@code scripts/ner/gazetteer.sh} writes it: UTF-8 lines
 * {@code CATEGORY<TAB>Phrase as written}, no header. The lists are made by a script from several
 * sources, so the reader is strict: a line without exactly one tab, with an empty phrase or with
 * an empty or spaced category is a {@link GazetteerFormatException} saying {@code file:line: what},
 * rather than an entry silently lost or a feature named after half a line.
 */
public final class GazetteerSource {

    private GazetteerSource() {
    }

    /**
     * The entries of {@code file}, in file order. The file is decoded line by line, so that a
     * line that is not UTF-8 is named by its own number.
     */
    public static List<GazetteerEntry> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<GazetteerEntry> entries = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNumber++;
            int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            String line;
            try {
                line = decoder.decode(ByteBuffer.wrap(bytes, start, stop - start)).toString();
            } catch (CharacterCodingException e) {
                throw new GazetteerFormatException(file + ":" + lineNumber + ": not valid UTF-8");
            }
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a byte order mark, as some editors write
            }
            entries.add(entry(line, file + ":" + lineNumber + ": "));
            start = end + 1;
        }
        return entries;
    }

    /** The entries read from {@code in}; {@code name} is used in error messages. */
    public static List<GazetteerEntry> read(BufferedReader in, String name) throws IOException {
        List<GazetteerEntry> entries = new ArrayList<>();
        int lineNumber = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            entries.add(entry(line, name + ":" + lineNumber + ": "));
        }
        return entries;
    }

    private static GazetteerEntry entry(String line, String where) throws GazetteerFormatException {
        int tab = line.indexOf('\t');
        if (tab < 0) {
            throw new GazetteerFormatException(where + "expected CATEGORY<TAB>PHRASE, found no tab: '"
                    + abbreviate(line) + "'");
        }
        if (line.indexOf('\t', tab + 1) >= 0) {
            throw new GazetteerFormatException(where + "expected CATEGORY<TAB>PHRASE, found more than one tab: '"
                    + abbreviate(line) + "'");
        }
        String category = line.substring(0, tab).strip();
        String phrase = line.substring(tab + 1).strip();
        if (category.isEmpty()) {
            throw new GazetteerFormatException(where + "empty category");
        }
        if (category.chars().anyMatch(Character::isWhitespace)) {
            throw new GazetteerFormatException(where + "category '" + abbreviate(category) + "' has white space in it");
        }
        if (phrase.isEmpty()) {
            throw new GazetteerFormatException(where + "empty phrase");
        }
        return new GazetteerEntry(category, phrase);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
