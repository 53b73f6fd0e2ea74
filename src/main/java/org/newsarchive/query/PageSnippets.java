package org.newsarchive.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.newsarchive.schema.ArticleSchema;

/**
 * The snippets of a page of hits whose text came from elsewhere (a SolrCloud collection): the
 * page's articles are indexed in memory with the local analysis, and marked by the same
 * highlighter as local hits. Its passages are scored within each article alone, never with
 * archive-wide statistics, so a hit reads the same whichever back-end found it.
 */
public final class PageSnippets {

    private PageSnippets() {
    }

    /** A hit's marked headline and body passages. */
    public record Marked(Snippet headline, Snippet body) {
    }

    /**
     * Marks {@code query}'s words in each article.
     *
     * @param texts each article's headline and body, in page order
     */
    public static List<Marked> of(Query query, List<String[]> texts) throws IOException {
        if (texts.isEmpty()) {
            return List.of();
        }
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            Document[] docs = new Document[texts.size()];
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ArticleSchema.analyzer()))) {
                for (int i = 0; i < docs.length; i++) {
                    String[] text = texts.get(i);
                    docs[i] = ArticleSchema.textDocument(text[0] == null ? "" : text[0], text[1] == null ? "" : text[1]);
                    writer.addDocument(docs[i]);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                int[] ids = new int[docs.length];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = i; // one segment, written in page order
                }
                SnippetHighlighter.Highlights highlights = new SnippetHighlighter(searcher,
                        FieldInfos.getMergedFieldInfos(reader)).highlight(query, ids, docs);
                List<Marked> marked = new ArrayList<>(docs.length);
                for (int i = 0; i < docs.length; i++) {
                    marked.add(new Marked(highlights.headline(i), highlights.body(i)));
                }
                return marked;
            }
        }
    }
}
