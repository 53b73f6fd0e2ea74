package org.newsarchive.query;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/** Spelling statistics of the local index: its terms dictionary, with no spelling index to keep. */
final class IndexSpelling implements SpellingSource {

    private final IndexSearcher searcher;
    private final DirectSpellChecker checker = new DirectSpellChecker();

    IndexSpelling(IndexSearcher searcher) {
        this.searcher = searcher;
        checker.setMaxEdits(SpellingSuggester.MAX_EDITS);
    }

    @Override
    public int docFreq(String field, String term) throws IOException {
        return searcher.getIndexReader().docFreq(new Term(field, term));
    }

    @Override
    public Closest closest(String field, String term) throws IOException {
        SuggestWord[] similar = checker.suggestSimilar(new Term(field, term), 1, searcher.getIndexReader(),
                SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        return similar.length == 0 ? null : new Closest(similar[0].string, similar[0].freq);
    }

    @Override
    public Map<String, List<String>> bestWith(String field, String term, Set<String> fields) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(field, term)), 1);
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (top.scoreDocs.length > 0) {
            Document doc = searcher.storedFields().document(top.scoreDocs[0].doc, fields);
            for (String name : fields) {
                values.put(name, List.of(doc.getValues(name)));
            }
        }
        return values;
    }
}
