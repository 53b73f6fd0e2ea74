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
 */
final class ArticleFiles {

    private final IndexRun run;
    private final ArticleParser parser;
    private final long maxFileSize;
    private RecordFiles recordFiles;

    ArticleFiles(IndexRun run, long maxFileSize) {
        this.run = run;
        this.maxFileSize = maxFileSize;
        this.parser = new ArticleParser(maxFileSize);
    }

    /** Set once, after both exist: each hands files to the other. */
    void recordFiles(RecordFiles files) {
        this.recordFiles = files;
    }

    /** Works out what one file needs, and does it. Bad files are rejected, not thrown. */
    void handle(Path file) throws IOException {
        SourceFormat format = SourceFormat.of(file);
        boolean json = format == SourceFormat.JSON;
        if (json && recordFiles.knows(file)) {
            recordFiles.readJsonDocument(file, null, null);
            return;
        }
        if (!json && !run.seen.add(ArticleId.of(file))) {
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
        IndexedFiles.Indexed indexed = run.before().findByPath(file.toString());
        if (indexed != null && indexed.size() == attributes.size() && indexed.modifiedMillis() == modified) {
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
        if (indexed != null && run.before().hasHash(indexed.id(), sha256)) {
            run.touched(file, modified); // touched, not changed: the next run need not read it again
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
            run.reject(r); // an article indexed from an earlier, valid version of the file is kept
            if (json && indexed != null) {
                run.seen.add(indexed.id());
            }
            return;
        }
        Article article = ((ParseOutcome.Parsed) outcome).article();
        if (json) {
            if (!run.seen.add(article.id())) {
                run.duplicates.incrementAndGet();
                return;
            }
            if (indexed != null && !indexed.id().equals(article.id())) {
                run.deleteUnseen(file.toString()); // its URL changed: the old article goes
            }
            run.write(article, modified, run.before().contains(article.id()));
        } else {
            run.write(article, modified, indexed != null);
        }
    }

    private void keep(IndexedFiles.Indexed indexed) {
        run.seen.add(indexed.id());
        run.unchanged.incrementAndGet();
    }

    /** The outcome of reading a whole file the quick path could not: a rejection, or (a race) an article. */
    private void rejectWhole(ParseOutcome outcome) throws IOException {
        if (outcome instanceof Rejected r) {
            run.reject(r);
        } else {
            Article article = ((ParseOutcome.Parsed) outcome).article();
            run.write(article, 0, run.before().contains(article.id()));
        }
    }
}
