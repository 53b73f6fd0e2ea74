package org.newsarchive.solr;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.SpellCheckResponse;
import org.apache.solr.common.SolrDocument;
import org.newsarchive.query.SpellingSource;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.FieldDef;
import org.newsarchive.schema.SolrConfigSet;

/**
 * Spelling statistics of a SolrCloud collection: counts by term query, and the closest term from
 * Solr's spell checker, which is Lucene's DirectSpellChecker with the same defaults over each
 * shard's terms, the shards' candidates merged by Solr (frequencies summed).
 */
final class SolrSpelling implements SpellingSource {

    private final SolrRequests solr;

    SolrSpelling(SolrRequests solr) {
        this.solr = solr;
    }

    @Override
    public int docFreq(String field, String term) throws IOException {
        SolrQuery ask = new SolrQuery("{!term f=" + field + "}" + term);
        ask.setRows(0);
        return (int) solr.select(ask).getResults().getNumFound();
    }

    @Override
    public Closest closest(String field, String term) throws IOException {
        SolrQuery ask = new SolrQuery("*:*");
        ask.setRequestHandler("/spell");
        ask.setRows(0);
        ask.set("spellcheck.q", term);
        ask.set("spellcheck.dictionary", field);
        QueryResponse response = solr.select(ask);
        SpellCheckResponse spelling = response.getSpellCheckResponse();
        if (spelling == null) {
            return null;
        }
        for (SpellCheckResponse.Suggestion suggestion : spelling.getSuggestions()) {
            List<String> words = suggestion.getAlternatives();
            List<Integer> frequencies = suggestion.getAlternativeFrequencies();
            if (words != null && !words.isEmpty()) {
                return new Closest(words.get(0), frequencies == null ? 0 : frequencies.get(0));
            }
        }
        return null;
    }

    @Override
    public Map<String, List<String>> bestWith(String field, String term, Set<String> fields) throws IOException {
        SolrQuery ask = new SolrQuery("{!term f=" + field + "}" + term);
        ask.setRows(1);
        ask.set("sort", "score desc," + ArticleFields.ID.name() + " asc");
        Map<String, String> solrNames = new LinkedHashMap<>();
        for (String name : fields) {
            FieldDef def = ArticleFields.queryable(name);
            solrNames.put(name, def == null ? name : SolrConfigSet.displayName(def));
        }
        ask.setFields(solrNames.values().toArray(String[]::new));
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (SolrDocument doc : solr.select(ask).getResults()) {
            for (Map.Entry<String, String> name : solrNames.entrySet()) {
                Collection<Object> stored = doc.getFieldValues(name.getValue());
                values.put(name.getKey(), stored == null ? List.of() : stored.stream().map(String::valueOf).toList());
            }
        }
        return values;
    }
}
