package org.newsarchive.query.eval;

import org.newsarchive.schema.ArticleFields;
import java.nio.file.Path;
import org.apache.lucene.document.Document;

/** What names an article in qrels and run files. */
public enum DocIdScheme {

    /**
     * The source file's name without its extension ({@code 1987/02/reuters-1.txt} is
     * {@code reuters-1}): stable across machines, folders and re-indexing, and what collections
     * such as Reuters-21578 name their documents by. Needs file names unique within the index.
     */
    NAME,

    /** The article id {@code search} shows: unique, but derived from the file's absolute path. */
    ID;

    /** The docid of a stored article (loaded with {@link #fields()}). */
    public String of(Document doc) {
        return switch (this) {
            case NAME -> nameOf(ArticleFields.PATH.read(doc));
            case ID -> ArticleFields.ID.read(doc);
        };
    }

    /** The stored field this scheme reads. */
    public String field() {
        return this == NAME ? ArticleFields.PATH.name() : ArticleFields.ID.name();
    }

    /** A file's name without its last extension: {@code /a/b/reuters-1.txt} is {@code reuters-1}. */
    public static String nameOf(String path) {
        Path fileName = Path.of(path).getFileName();
        String name = fileName == null ? path : fileName.toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
