package org.newsarchive.query;

import org.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.search.IndexSearcher;
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
public final class SpellingSuggester {

    /** A plain word of a query: letters and digits only, no field, operator or pattern. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    static final int MAX_EDITS = 2;

    private final SpellingSource index;
    private final EntityNormalizer names;

    SpellingSuggester(IndexSearcher searcher, EntityNormalizer names) {
        this(new IndexSpelling(searcher), names);
    }

    /** Suggests from {@code index}'s terms, with entity names keyed by {@code names}. */
    public SpellingSuggester(SpellingSource index, EntityNormalizer names) {
        this.index = index;
        this.names = names;
    }

    /** Suggestions for the words of {@code query} and the entity filters no article has. */
    public List<Suggestion> suggest(String query, List<EntityFilter> filters) throws IOException {
        List<Suggestion> suggestions = new ArrayList<>();
        for (String word : query.split("\\s+")) {
            if (!PLAIN_WORD.matcher(word).matches() || word.equals("AND") || word.equals("OR") || word.equals("NOT")) {
                continue;
            }
            String stem = stem(word);
            if (stem == null || index.docFreq(ArticleFields.DEFAULT.name(), stem) > 0) {
                continue; // a stop word, or a word the index has
            }
            SpellingSource.Closest similar = index.closest(ArticleFields.DEFAULT.name(), stem);
            if (similar != null) {
                String spelled = spelling(similar.term());
                if (spelled != null) {
                    suggestions.add(new Suggestion(word, spelled, "text", similar.articles()));
                }
            }
        }
        for (EntityFilter filter : filters) {
            String field = ArticleFields.entity(filter.type()).name();
            String key = names.keyOf(filter.type(), filter.name());
            if (index.docFreq(field, key) > 0) {
                continue;
            }
            SpellingSource.Closest similar = index.closest(field, key);
            if (similar != null) {
                String name = entityName(filter, field, similar.term());
                suggestions.add(new Suggestion(filter.name(), name, field, similar.articles()));
            }
        }
        return suggestions;
    }

    /** The query with each suggested word in place of the typed one, or null when no word has one. */
    public static String corrected(String query, List<Suggestion> suggestions) {
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
        Map<String, List<String>> doc = index.bestWith(ArticleFields.DEFAULT.name(), stem,
                Set.of(ArticleFields.HEADLINE.name(), ArticleFields.BODY.name()));
        if (doc.isEmpty()) {
            return null;
        }
        for (String text : new String[] {first(doc, ArticleFields.HEADLINE.name()), first(doc, ArticleFields.BODY.name())}) {
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
        for (String name : index.bestWith(field, key, Set.of(field)).getOrDefault(field, List.of())) {
            if (names.keyOf(filter.type(), name).equals(key)) {
                return name;
            }
        }
        return key;
    }

    private static String first(Map<String, List<String>> values, String field) {
        List<String> all = values.get(field);
        return all == null || all.isEmpty() ? null : all.get(0);
    }
}
