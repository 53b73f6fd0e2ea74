package org.newsarchive.query;

import org.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.newsarchive.schema.ArticleSchema;

/**
 * The unified highlighter set up for articles: the headline as one whole passage, the body as
 * sentence-aligned passages of about {@value #PASSAGE_CHARS} characters ({@link SentenceBreakIterator}). It reads match offsets
 * from the postings (the schema indexes them), so it never re-analyses an article's text.
 */
final class SnippetHighlighter extends UnifiedHighlighter {

    static final int PASSAGE_CHARS = 160;
    static final int BODY_PASSAGES = 2;
    /**
     * How far into an article passages are looked for. A multi-megabyte article (a whole almanac,
     * a transcript) that matches a common word took 100 to 800 ms to highlight when the first
     * megabyte was searched; its matches past this point still rank it, and the snippet comes
     * from its first 100,000 characters.
     */
    private static final int MAX_HIGHLIGHTED_CHARS = 100_000;

    private final PassageFormatter formatter = new SnippetFormatter();
    /** Stored fields by doc id, loaded by the caller; null to let the highlighter load them. */
    private Map<Integer, Document> preloaded;

    /**
     * @param fieldInfos the reader's merged field infos, computed once per reader: the
     *                   highlighter would merge every segment's on each search otherwise
     */
    SnippetHighlighter(IndexSearcher searcher, FieldInfos fieldInfos) {
        super(UnifiedHighlighter.builder(searcher, ArticleSchema.analyzer())
                .withMaxLength(MAX_HIGHLIGHTED_CHARS)
                .withHighlightPhrasesStrictly(true)
                // Weight matches build the query's whole Weight again for each field: a quarter of
                // a three-word search on 200,000 articles (2.5 -> 2.0 ms). Term offsets from the
                // postings, with phrases checked by position, mark the same words.
                .withWeightMatches(false));
        this.fieldInfos = fieldInfos;
    }

    @Override
    protected BreakIterator getBreakIterator(String field) {
        if (ArticleFields.HEADLINE.name().equals(field)) {
            return new WholeBreakIterator();
        }
        return LengthGoalBreakIterator.createClosestToLength(new SentenceBreakIterator(), PASSAGE_CHARS, 0.5f);
    }

    /**
     * The headline is marked with the words of the default field too (the query's words are
     * terms of {@link ArticleSchema#DEFAULT_FIELD}, which holds the headline as well); the body
     * only with its own.
     */
    @Override
    protected Predicate<String> getFieldMatcher(String field) {
        if (ArticleFields.HEADLINE.name().equals(field)) {
            return name -> name.equals(field) || name.equals(ArticleFields.DEFAULT.name());
        }
        return super.getFieldMatcher(field);
    }

    @Override
    protected PassageFormatter getFormatter(String field) {
        return formatter;
    }

    /**
     * Headline and body snippets of the given documents, in the order of {@code docIds}, from
     * their stored fields already loaded in {@code loaded} (parallel to {@code docIds}, with
     * headline and body): a search loads each hit's stored fields once, for snippets and for
     * the rest of the hit alike.
     */
    Highlights highlight(Query query, int[] docIds, Document[] loaded) throws IOException {
        preloaded = new HashMap<>();
        for (int i = 0; i < docIds.length; i++) {
            preloaded.put(docIds[i], loaded[i]);
        }
        Map<String, Object[]> byField = highlightFieldsAsObjects(
                new String[] {ArticleFields.HEADLINE.name(), ArticleFields.BODY.name()}, query, docIds,
                new int[] {1, BODY_PASSAGES});
        return new Highlights(byField.get(ArticleFields.HEADLINE.name()), byField.get(ArticleFields.BODY.name()));
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
            throws IOException {
        if (preloaded == null) {
            return super.loadFieldValues(fields, docIter, cacheCharsThreshold);
        }
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
            Document document = preloaded.get(doc);
            CharSequence[] perField = new CharSequence[fields.length];
            for (int f = 0; f < fields.length; f++) {
                String value = document == null ? null : document.get(fields[f]);
                perField[f] = value == null ? "" : value;
            }
            values.add(perField);
        }
        return values;
    }

    /** Per-document snippets, parallel to the requested doc ids. */
    record Highlights(Object[] headlines, Object[] bodies) {
        Snippet headline(int i) {
            return headlines[i] instanceof Snippet s ? s : Snippet.EMPTY;
        }

        Snippet body(int i) {
            return bodies[i] instanceof Snippet s ? s : Snippet.EMPTY;
        }
    }
}
