package org.newsarchive.index;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.newsarchive.ingest.JsonLinesReader;

/**
 * What the index knows of a file of many records (JSON lines, a JSON array) as a whole, so that
 * a later run can tell an untouched file (same size and time), a touched one (same bytes), and a
 * JSON lines file that only grew (same first {@code offset} bytes: read on from there).
 *
 * <p>Kept in the commit's user data rather than in the documents: it is then committed in the
 * same atomic step as the articles it describes, so a crash can never leave a state that claims
 * records the index does not have; and it costs nothing per article. Files of one article
 * (seed files, news-please's one JSON file per article) keep their size and time on their
 * document instead: there may be millions of them.
 *
 * @param size      the file's size on disk
 * @param modified  its modification time, in milliseconds
 * @param offset    bytes of content read (decompressed, for a gzip file): up to the last complete
 *                  line of a JSON lines file, the whole content of a JSON file
 * @param lines     lines up to {@code offset} (JSON lines), else 0
 * @param sha256    SHA-256 of the content up to {@code offset}
 * @param articles  articles the file held up to {@code offset}, for the report of a later run
 * @param appendable whether a later run may read on from {@code offset} (JSON lines)
 */
record RecordFileState(long size, long modified, long offset, long lines, byte[] sha256, long articles,
        boolean appendable) {

    /** Commit-data key of the states. */
    static final String COMMIT_KEY = "record_files";

    RecordFileState {
        sha256 = sha256.clone();
    }

    /**
     * A file that holds no articles (a tag list, a manifest): known by size and time only, so
     * that an unchanged one is passed over without being read, and a changed one read again.
     */
    static RecordFileState notArticles(long size, long modified) {
        return new RecordFileState(size, modified, NOT_ARTICLES, 0, new byte[32], 0, false);
    }

    /** The {@link #offset} of a file that holds no articles. */
    static final long NOT_ARTICLES = -1;

    /** Whether this is the state of a file that holds no articles. */
    boolean holdsNoArticles() {
        return offset == NOT_ARTICLES;
    }

    /**
     * Whether {@code content}, a file's content (decompressed), is exactly what this state
     * describes: the file was touched, not changed. A file without articles is known by size and
     * time only, so never.
     */
    boolean describes(InputStream content) throws IOException {
        return !holdsNoArticles() && JsonLinesReader.resume(content, position()) != null && content.read() < 0;
    }

    /** Where a JSON lines reading resumes. */
    JsonLinesReader.Position position() {
        return new JsonLinesReader.Position(offset, lines, sha256);
    }

    /** The same state with another modification time: the file was touched, not changed. */
    RecordFileState touched(long newModified) {
        return new RecordFileState(size, newModified, offset, lines, sha256, articles, appendable);
    }

    /** One line per file: the numbers, the hash, then the path (last, so it may hold spaces). */
    static String encode(Map<String, RecordFileState> states) {
        StringBuilder out = new StringBuilder();
        states.forEach((path, s) -> {
            if (path.indexOf('\n') >= 0) {
                return; // cannot be recorded: the file is read whole each run
            }
            out.append(s.size).append(' ').append(s.modified).append(' ').append(s.offset).append(' ')
                    .append(s.lines).append(' ').append(s.articles).append(' ').append(s.appendable ? 'a' : 'w')
                    .append(' ').append(HexFormat.of().formatHex(s.sha256)).append(' ').append(path).append('\n');
        });
        return out.toString();
    }

    /** The states of {@link #encode}; lines that do not parse are dropped (the file is then read whole). */
    static Map<String, RecordFileState> decode(String encoded) {
        Map<String, RecordFileState> states = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return states;
        }
        for (String line : encoded.split("\n")) {
            String[] parts = line.split(" ", 8);
            if (parts.length != 8) {
                continue;
            }
            try {
                states.put(parts[7], new RecordFileState(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                        Long.parseLong(parts[2]), Long.parseLong(parts[3]), HexFormat.of().parseHex(parts[6]),
                        Long.parseLong(parts[4]), parts[5].equals("a")));
            } catch (IllegalArgumentException e) {
                // a damaged line: forget the state, the file is read whole
            }
        }
        return states;
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordFileState s && s.size == size && s.modified == modified && s.offset == offset
                && s.lines == lines && s.articles == articles && s.appendable == appendable
                && Arrays.equals(s.sha256, sha256);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(offset) * 31 + Arrays.hashCode(sha256);
    }
}
