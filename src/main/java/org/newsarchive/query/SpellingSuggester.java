package org.newsarchive.query;

import org.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.spell.SuggestMode;
import org.newsarchive.entity.EntityNormalizer;
import org.newsarchive.schema.ArticleSchema;

/**
 * "Did you mean": for a query word that no article has, the closest word some articles have
 * (at most two edits, Lucene's {@link DirectSpellChecker} over the terms dictionary, no extra
 * index); for an entity filter that matches nothing, the closest name of that type.
 *
 * <p>The index holds stems ("compani" for "companies"), which no one should be told to type:
 * the suggestion shown is the first word of an article with that stem, as the article spells
 * it, lower-cased. Entity names are shown as the articles name them.
 */
final class SpellingSuggester {

    /** A plain word of a query: letters and digits only, no field, operator or pattern. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_EDITS = 2;

    private final IndexSearcher searcher;
    private final EntityNormalizer names;
    private final DirectSpellChecker checker = new DirectSpellChecker();

    SpellingSuggester(IndexSearcher searcher, EntityNormalizer names) {
        this.searcher = searcher;
        this.names = names;
        checker.setMaxEdits(MAX_EDITS);
    }

    /** Suggestions for the words of {@code query} and the entity filters no article has. */
    List<Suggestion> suggest(String query, List<EntityFilter> filters) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        List<Suggestion> suggestions = new ArrayList<>();
        for (String word : query.split("\\s+")) {
            if (!PLAIN_WORD.matcher(word).matches() || word.equals("AND") || word.equals("OR") || word.equals("NOT")) {
                continue;
            }
            String stem = stem(word);
            if (stem == null || reader.docFreq(new Term(ArticleFields.DEFAULT.name(), stem)) > 0) {
                continue; // a stop word, or a word the index has
            }
            SuggestWord[] similar = checker.suggestSimilar(new Term(ArticleFields.DEFAULT.name(), stem), 1, reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            if (similar.length > 0) {
                String spelled = spelling(similar[0].string);
                if (spelled != null) {
                    suggestions.add(new Suggestion(word, spelled, "text", similar[0].freq));
                }
            }
        }
        for (EntityFilter filter : filters) {
            String field = ArticleFields.entity(filter.type()).name();
            String key = names.keyOf(filter.type(), filter.name());
            if (reader.docFreq(new Term(field, key)) > 0) {
                continue;
            }
            SuggestWord[] similar = checker.suggestSimilar(new Term(field, key), 1, reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            if (similar.length > 0) {
                String name = entityName(filter, field, similar[0].string);
                suggestions.add(new Suggestion(filter.name(), name, field, similar[0].freq));
            }
        }
        return suggestions;
    }

    /** The query with each suggested word in place of the typed one, or null when no word has one. */
    static String corrected(String query, List<Suggestion> suggestions) {
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        for (String part : query.split("(?<=\\s)|(?=\\s)")) {
            String replacement = part;
            for (Suggestion s : suggestions) {
                if (s.field().equals("text") && s.typed().equals(part)) {
                    replacement = s.suggested();
                    changed = true;
                    break;
                }
            }
            out.append(replacement);
        }
        return changed ? out.toString() : null;
    }

    private static String stem(String word) throws IOException {
        Analyzer analyzer = ArticleSchema.analyzer();
        try (TokenStream tokens = analyzer.tokenStream(ArticleFields.DEFAULT.name(), word)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            String stem = tokens.incrementToken() ? term.toString() : null;
            tokens.end();
            return stem;
        }
    }

    /** How an article with {@code stem} spells it: its first word with that stem, lower-cased. */
    private String spelling(String stem) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(ArticleFields.DEFAULT.name(), stem)), 1);
        if (top.scoreDocs.length == 0) {
            return null;
        }
        var doc = searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(ArticleFields.HEADLINE.name(), ArticleFields.BODY.name()));
        for (String text : new String[] {ArticleFields.HEADLINE.read(doc), ArticleFields.BODY.read(doc)}) {
            if (text == null) {
                continue;
            }
            try (TokenStream tokens = ArticleSchema.analyzer().tokenStream(ArticleFields.DEFAULT.name(), text)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    if (term.toString().equals(stem)) {
                        String spelled = text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT);
                        tokens.end();
                        return spelled;
                    }
                }
                tokens.end();
            }
        }
        return stem;
    }

    /** The name of the entity with {@code key} as the first article having it names it. */
    private String entityName(EntityFilter filter, String field, String key) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(field, key)), 1);
        if (top.scoreDocs.length > 0) {
            var doc = searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(field));
            for (String name : doc.getValues(field)) {
                if (names.keyOf(filter.type(), name).equals(key)) {
                    return name;
                }
            }
        }
        return key;
    }
}
