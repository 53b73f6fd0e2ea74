package org.newsarchive.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.newsarchive.ingest.Article;
import org.newsarchive.ingest.ArticleId;
import org.newsarchive.ingest.ArticleParser;
import org.newsarchive.ingest.Sha256;
import org.newsarchive.ingest.ParseOutcome;
import org.newsarchive.ingest.ParseOutcome.Rejected;
import org.newsarchive.ingest.RejectReason;
import org.newsarchive.ingest.SourceFormat;

/**
 * Indexes a file of one article: a seed-format file, or a JSON file holding one object (as
 * news-please writes one file per article), each possibly gzip-compressed. The index keeps the
 * file's size, time and hash on the article's document; an unchanged file is skipped without
 * being read, a touched one after comparing its hash. A JSON file that turns out to hold an
 * array, or several objects, is handed to {@link RecordFiles}.
 *
 * <p>A reader of the pipeline, run on the workers: it reads a file with its size and time, asks
 * the {@link ChangeDecision} what it needs, and hands the article to the {@link DocumentWriter};
 * what it finds is counted in the run's {@link IndexCounters}.
 */
final class ArticleFiles {

    private final ArticleParser parser;
    private final long maxFileSize;
    private final RecordFiles recordFiles;
    private final ChangeDecision changes;
    private final DocumentWriter writer;
    private final IndexCounters counters;

    ArticleFiles(long maxFileSize, RecordFiles recordFiles, ChangeDecision changes, DocumentWriter writer,
            IndexCounters counters) {
        this.maxFileSize = maxFileSize;
        this.parser = new ArticleParser(maxFileSize);
        this.recordFiles = recordFiles;
        this.changes = changes;
        this.writer = writer;
        this.counters = counters;
    }

    /** Works out what one file needs, and does it. Bad files are rejected, not thrown. */
    void handle(Path file) throws IOException {
        SourceFormat format = SourceFormat.of(file);
        boolean json = format == SourceFormat.JSON;
        if (json && changes.recorded(file) != null) {
            recordFiles.readJsonDocument(file, null, null);
            return;
        }
        if (!json && !changes.claim(ArticleId.of(file))) {
            return; // the same file reached again, through a link: handled once
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            rejectWhole(parser.parse(file));
            return;
        }
        long modified = attributes.lastModifiedTime().toMillis();
        IndexedFiles.Indexed indexed = changes.indexed(file);
        if (ChangeDecision.untouched(indexed, attributes)) {
            keep(indexed);
            return;
        }
        if (!attributes.isRegularFile() || attributes.size() > maxFileSize) {
            if (json && attributes.isRegularFile()) {
                recordFiles.readJsonDocument(file, attributes, null); // too big for one article: an array, streamed
            } else {
                rejectWhole(parser.parse(file));
            }
            return;
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            rejectWhole(parser.parse(file));
            return;
        }
        // Hashed here only when it decides something: the parser hashes a seed file itself.
        String sha256 = json || indexed != null ? Sha256.hex(content) : null;
        if (changes.sameBytes(indexed, sha256)) {
            writer.touched(indexed.id(), file, modified); // touched, not changed: the next run need not read it again
            keep(indexed);
            return;
        }
        ParseOutcome outcome;
        if (json) {
            outcome = recordFiles.documentReader().parseSingle(file, content, sha256);
            if (outcome == null) { // an array, or objects one after another: streamed if compressed
                recordFiles.readJsonDocument(file, attributes, SourceFormat.isCompressed(file) ? null : content);
                return;
            }
        } else {
            outcome = parser.parse(file, content);
        }
        if (outcome instanceof Rejected r && r.reason() == RejectReason.NOT_AN_ARTICLE) {
            recordFiles.notAnArticle(file, attributes);
            return;
        }
        if (outcome instanceof Rejected r) {
            counters.reject(r); // an article indexed from an earlier, valid version of the file is kept
            if (json && indexed != null) {
                changes.claim(indexed.id());
            }
            return;
        }
        Article article = ((ParseOutcome.Parsed) outcome).article();
        if (json) {
            if (!changes.claim(article.id())) {
                counters.countDuplicate();
                return;
            }
            if (ChangeDecision.replacesAnother(indexed, article)) { // its URL changed: the old article goes
                writer.deleteRecords(file.toString(), changes.vanished(file.toString()));
            }
            writer.write(article, modified, changes.ofId(article.id()));
        } else {
            writer.write(article, modified, ChangeDecision.ofSeedFile(indexed));
        }
    }

    private void keep(IndexedFiles.Indexed indexed) {
        changes.claim(indexed.id());
        counters.countUnchanged(1);
    }

    /** The outcome of reading a whole file the quick path could not: a rejection, or (a race) an article. */
    private void rejectWhole(ParseOutcome outcome) throws IOException {
        if (outcome instanceof Rejected r) {
            counters.reject(r);
        } else {
            Article article = ((ParseOutcome.Parsed) outcome).article();
            writer.write(article, 0, changes.ofId(article.id()));
        }
    }
}
