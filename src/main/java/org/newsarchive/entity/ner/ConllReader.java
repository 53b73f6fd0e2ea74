package org.newsarchive.entity.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CoNLL-style NER files: one token per line with the NER tag in the last column (or in
 * another column counted from the end, for conlleval files that hold gold and guess), blank lines
 * between sentences, {@code -DOCSTART-} lines between documents. This covers CoNLL-2003's four
 * columns ({@code token POS chunk NER}) as well as two-column files such as Wikigold, whose
 * markers come at the end of each document rather than the start. Tags may be IOB1, IOB2 or IOBES
 * (see {@link IobChunker}); only the token and the tag are kept, since at run time we have neither
 * POS nor chunk tags.
 *
 * <p>Malformed input fails with a {@link ConllFormatException} saying {@code file:line: what}.
 */
public final class ConllReader {

    private static final String DOCSTART = "-DOCSTART-";

    private ConllReader() {
    }

    /** Reads a file whose last column is the NER tag. */
    public static List<ConllDocument> read(Path file) throws IOException {
        return read(file, 1);
    }

    /**
     * Reads a file whose NER tag is the {@code tagColumnFromEnd}-th column from the end (1 = the
     * last column). conlleval input has the gold tag at 2 and the guess at 1.
     */
    public static List<ConllDocument> read(Path file, int tagColumnFromEnd) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            return read(in, file.toString(), tagColumnFromEnd);
        }
    }

    /** Reads from {@code in}; {@code name} is used in error messages. */
    public static List<ConllDocument> read(BufferedReader in, String name, int tagColumnFromEnd) throws IOException {
        if (tagColumnFromEnd < 1) {
            throw new IllegalArgumentException("tagColumnFromEnd must be 1 or more");
        }
        List<ConllDocument> documents = new ArrayList<>();
        List<ConllSentence> sentences = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        int lineNumber = 0;
        int sentenceLine = 0;
        String line;
        while (true) {
            try {
                line = in.readLine();
            } catch (CharacterCodingException e) {
                throw new ConllFormatException(name + ":" + (lineNumber + 1) + ": not valid UTF-8");
            }
            if (line == null) {
                break;
            }
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                endSentence(sentences, tokens, tags, sentenceLine);
                continue;
            }
            String[] columns = trimmed.split("[ \\t]+");
            if (columns[0].equals(DOCSTART)) {
                endSentence(sentences, tokens, tags, sentenceLine);
                endDocument(documents, sentences);
                continue;
            }
            if (columns.length < tagColumnFromEnd + 1) {
                throw new ConllFormatException(name + ":" + lineNumber + ": expected a token and "
                        + (tagColumnFromEnd == 1 ? "an NER tag" : tagColumnFromEnd + " tag columns")
                        + ", found " + columns.length + " column" + (columns.length == 1 ? "" : "s")
                        + ": '" + abbreviate(trimmed) + "'");
            }
            String tag = columns[columns.length - tagColumnFromEnd];
            if (!IobChunker.isValidTag(tag)) {
                throw new ConllFormatException(name + ":" + lineNumber + ": bad NER tag '" + abbreviate(tag)
                        + "' (expected O, or B-, I-, E-, S- and a type such as I-PER)");
            }
            if (tokens.isEmpty()) {
                sentenceLine = lineNumber;
            }
            tokens.add(columns[0]);
            tags.add(tag);
        }
        endSentence(sentences, tokens, tags, sentenceLine);
        endDocument(documents, sentences);
        return documents;
    }

    private static void endSentence(List<ConllSentence> sentences, List<String> tokens, List<String> tags, int line) {
        if (!tokens.isEmpty()) {
            sentences.add(new ConllSentence(tokens, IobChunker.chunks(tags), line));
            tokens.clear();
            tags.clear();
        }
    }

    private static void endDocument(List<ConllDocument> documents, List<ConllSentence> sentences) {
        if (!sentences.isEmpty()) {
            documents.add(new ConllDocument(sentences));
            sentences.clear();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
