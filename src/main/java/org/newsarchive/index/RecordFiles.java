package org.newsarchive.index;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.newsarchive.ingest.Article;
import org.newsarchive.ingest.IoProblem;
import org.newsarchive.ingest.JsonArticleMapper;
import org.newsarchive.ingest.JsonDocumentReader;
import org.newsarchive.ingest.JsonLinesReader;
import org.newsarchive.ingest.ParseOutcome;
import org.newsarchive.ingest.ParseOutcome.Rejected;
import org.newsarchive.ingest.RecordSink;
import org.newsarchive.ingest.RejectReason;
import org.newsarchive.ingest.SourceFormat;

/**
 * Indexes files of many records: JSON lines files (and standard input), and JSON files holding
 * an array or a sequence of objects; gzip-compressed or not.
 *
 * <p>A JSON lines file is read by the walker's thread and its records are handed to the workers
 * one by one, so both cores index one big file. What the index knows of each such file (size,
 * time, how far it was read and the hash of that part) is a {@link RecordFileState}, published
 * only when every record before that point is in the writer, and committed with them. A run
 * that finds the file grown, with the same bytes up to that point, reads only what follows; a
 * file changed anywhere else is read whole, its records already indexed with the same bytes are
 * left alone, and those no longer in it are deleted, unless a record of it was rejected: a
 * broken line may be an article the index has, and nothing already indexed is lost to bad input.
 *
 * <p>A reader of the pipeline: it turns files into records with their file's state, asks the
 * {@link ChangeDecision} what each needs, and hands articles to the {@link DocumentWriter};
 * what it finds is counted in the run's {@link IndexCounters}, and new states go to the
 * {@link RecordFileStates}.
 */
final class RecordFiles {

    private final JsonLinesReader lines;
    private final JsonDocumentReader documents;
    private final ChangeDecision changes;
    private final RecordFileStates states;
    private final DocumentWriter writer;
    private final IndexCounters counters;

    RecordFiles(JsonArticleMapper mapper, long maxFileSize, ChangeDecision changes, RecordFileStates states,
            DocumentWriter writer, IndexCounters counters) {
        this.lines = new JsonLinesReader(mapper, maxFileSize);
        this.documents = new JsonDocumentReader(mapper, maxFileSize);
        this.changes = changes;
        this.states = states;
        this.writer = writer;
        this.counters = counters;
    }

    JsonDocumentReader documentReader() {
        return documents;
    }

    /**
     * Records read before a file counts as a file of articles. Archives hold other JSON too:
     * tag lists, manifests, crawler state. A file whose first records all lack a title and a
     * text is passed over with one message, rather than rejected record by record.
     */
    static final int PROBATION = 100;

    /** Counts the articles a reading accepted, and holds rejections while the file is on probation. */
    private static final class Tally {
        long accepted;
        long rejected;
        long lastAcceptedLine;
        long records;
        long lastLine;
        List<Rejected> held = new ArrayList<>();
    }

    /** Stops the reading of a file that holds no articles. */
    private static final class NotArticles extends RuntimeException {
        NotArticles() {
            super("not articles", null, false, false);
        }
    }

    /**
     * Whether the record may be indexed or reported. False while the file is on probation and
     * the record is not an article; thrown out of the reading when the probation fails.
     */
    private boolean admitted(ParseOutcome record, Tally tally) {
        tally.records++;
        tally.lastLine = record instanceof Rejected r ? r.line() : ((ParseOutcome.Parsed) record).line();
        if (tally.held == null) {
            return true;
        }
        if (record instanceof Rejected r && r.reason() == RejectReason.NOT_AN_ARTICLE) {
            tally.held.add(r);
            if (tally.records >= PROBATION) {
                throw new NotArticles();
            }
            return false;
        }
        tally.held.forEach(counters::reject);
        tally.held = null;
        return true;
    }

    /**
     * After a reading: true when the file held no article at all. It is reported as passed over,
     * and remembered (by size and time, {@code attributes}; null for standard input), so that
     * later runs pass over it in silence and {@code check} does not list it as new.
     */
    private boolean notArticles(Path file, Tally tally, BasicFileAttributes attributes) {
        if (tally.held == null || tally.held.isEmpty()) {
            return false;
        }
        counters.skip(file, "not an article file: its first " + (tally.records == 1 ? "record has" : tally.held.size() + " records have")
                + " no title and no text");
        if (attributes != null) {
            states.publish(file.toString(), RecordFileState.notArticles(attributes.size(), attributes.lastModifiedTime().toMillis()));
        }
        return true;
    }

    /** Remembers a JSON file of one object that is not an article (see {@link #notArticles}). */
    void notAnArticle(Path file, BasicFileAttributes attributes) {
        counters.skip(file, "not an article file: no title and no text");
        states.publish(file.toString(), RecordFileState.notArticles(attributes.size(), attributes.lastModifiedTime().toMillis()));
    }

    /**
     * Reads a JSON lines file, from where the last run stopped when it only grew, handing each
     * new article to {@code handOver}. Called by the walker's thread.
     */
    void readJsonLines(Path file, Consumer<IndexTask> handOver) {
        String key = file.toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            counters.reject(new Rejected(file, RejectReason.UNREADABLE, "unreadable: " + describe(e)));
            return;
        }
        long modified = attributes.lastModifiedTime().toMillis();
        RecordFileState known = changes.recorded(file);
        if (ChangeDecision.untouched(known, attributes)) {
            counters.countUnchanged(known.articles());
            return;
        }
        RecordFileStates.Progress progress = states.progress(key);
        Tally tally = new Tally();
        try {
            InputStream in = SourceFormat.open(file);
            try {
                JsonLinesReader.Resume from = ChangeDecision.appended(in, known);
                long before = 0;
                if (from == null) {
                    if (known != null) {
                        in.close();
                        in = SourceFormat.open(file); // rewritten: read it whole
                    }
                    from = JsonLinesReader.start();
                } else {
                    before = known.articles();
                    counters.countUnchanged(before);
                }
                boolean whole = from.offset() == 0;
                if (!whole) {
                    tally.held = null; // articles came before: no probation
                }
                JsonLinesReader.Position end;
                try {
                    end = lines.read(in, file, from, record -> accept(record, modified, progress, tally, handOver));
                } catch (NotArticles e) {
                    notArticles(file, tally, attributes);
                    return;
                }
                if (notArticles(file, tally, attributes)) {
                    return;
                }
                if (whole && tally.rejected == 0) {
                    writer.deleteRecords(key, changes.vanished(key)); // a rejected line may be an old article: then nothing goes
                }
                long articles = before + tally.accepted - (tally.lastAcceptedLine > end.lines() ? 1 : 0);
                progress.finish(new RecordFileState(attributes.size(), modified, end.offset(), end.lines(),
                        end.sha256(), articles, true));
            } finally {
                in.close();
            }
        } catch (IOException e) {
            // A broken gzip stream or a read error part way: what was read stays indexed, and
            // the next run reads the file again from the last recorded point.
            counters.reject(new Rejected(file, tally.lastLine + 1, RejectReason.UNREADABLE, "unreadable: " + describe(e)
                    + (tally.lastLine > 0 ? " (the lines before were read)" : "")));
        }
    }

    /** Reads JSON lines from standard input; its records have no file to come back to. */
    void readStandardInput(InputStream in, Consumer<IndexTask> handOver) {
        RecordFileStates.Progress progress = states.progress(Article.STANDARD_INPUT.toString());
        Tally tally = new Tally();
        try {
            lines.read(in, Article.STANDARD_INPUT, JsonLinesReader.start(),
                    record -> accept(record, 0, progress, tally, handOver));
            notArticles(Article.STANDARD_INPUT, tally, null);
        } catch (NotArticles e) {
            notArticles(Article.STANDARD_INPUT, tally, null);
        } catch (IOException e) {
            counters.reject(new Rejected(Article.STANDARD_INPUT, RejectReason.UNREADABLE, "unreadable: " + describe(e)));
        }
        progress.finish(null);
    }

    private void accept(ParseOutcome record, long modified, RecordFileStates.Progress progress, Tally tally,
            Consumer<IndexTask> handOver) {
        Article article = toIndex(record, tally);
        if (article != null) {
            progress.handedOver();
            handOver.accept(new IndexTask.RecordTask(article, modified, progress));
        }
    }

    /**
     * What one record of a file's reading comes to: the article to index, or null when there is
     * none (the run failed, the file is on probation, the record was rejected and reported, or
     * an earlier record of the run had its id).
     */
    private Article toIndex(ParseOutcome record, Tally tally) {
        if (counters.failed() || !admitted(record, tally)) {
            return null;
        }
        if (record instanceof Rejected r) {
            counters.reject(r);
            tally.rejected++;
            return null;
        }
        ParseOutcome.Parsed parsed = (ParseOutcome.Parsed) record;
        tally.accepted++;
        tally.lastAcceptedLine = parsed.line();
        if (!changes.claim(parsed.article().id())) {
            counters.countDuplicate();
            return null;
        }
        return parsed.article();
    }

    /**
     * Reads a JSON file of many articles on the calling worker: whole, since a JSON array cannot
     * be appended to. Skipped when unchanged (same size and time, or same bytes).
     *
     * @param attributes the file's attributes, or null to read them
     * @param content    its content when already in memory (not compressed), or null to stream it
     */
    void readJsonDocument(Path file, BasicFileAttributes attributes, byte[] content) throws IOException {
        String key = file.toString();
        try {
            if (attributes == null) {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            }
            long modified = attributes.lastModifiedTime().toMillis();
            RecordFileState known = changes.recorded(file);
            if (known != null) {
                if (ChangeDecision.untouched(known, attributes)) {
                    counters.countUnchanged(known.articles());
                    return;
                }
                if (sameContent(file, content, known)) {
                    states.publish(key, known.touched(modified));
                    counters.countUnchanged(known.articles());
                    return;
                }
            }
            Tally tally = new Tally();
            RecordSink sink = record -> acceptInline(record, modified, tally);
            JsonDocumentReader.Summary summary;
            try {
                if (content != null) {
                    summary = documents.read(content, file, sink);
                } else {
                    try (InputStream in = SourceFormat.open(file)) {
                        summary = documents.read(in, file, sink);
                    }
                }
            } catch (NotArticles e) {
                notArticles(file, tally, attributes);
                return;
            }
            if (counters.failed() || notArticles(file, tally, attributes)) {
                return;
            }
            if (tally.rejected == 0) {
                writer.deleteRecords(key, changes.vanished(key)); // a rejected record, or the rest after a syntax error, may be old articles
            }
            states.publish(key, new RecordFileState(attributes.size(), modified, summary.length(), 0, summary.sha256(),
                    tally.accepted, false));
        } catch (IOException e) {
            if (counters.failed()) {
                throw e; // the writer failed, not the file
            }
            counters.reject(new Rejected(file, RejectReason.UNREADABLE, "unreadable: " + describe(e)));
        }
    }

    private void acceptInline(ParseOutcome record, long modified, Tally tally) {
        Article article = toIndex(record, tally);
        if (article == null) {
            return;
        }
        try {
            index(article, modified);
        } catch (IOException | RuntimeException e) {
            counters.fail(e);
        }
    }

    /**
     * Indexes one record of a file of many, on a worker, unless the index has it already from
     * the same file with the same bytes (a file read whole again after a change elsewhere in it).
     */
    void index(Article article, long modified) throws IOException {
        ChangeDecision.Change change = changes.ofRecord(article);
        if (change == ChangeDecision.Change.UNCHANGED) {
            counters.countUnchanged(1);
        } else {
            writer.write(article, modified, change);
        }
    }

    private static boolean sameContent(Path file, byte[] content, RecordFileState known) throws IOException {
        try (InputStream in = content != null ? new ByteArrayInputStream(content) : SourceFormat.open(file)) {
            return known.describes(in);
        }
    }

    private static String describe(IOException e) {
        return IoProblem.describe(e);
    }
}
