package org.newsarchive.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.solr.client.solrj.request.FieldAnalysisRequest;
import org.apache.solr.client.solrj.response.AnalysisResponseBase;
import org.apache.solr.client.solrj.response.FieldAnalysisResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.ArticleSchema;

/** The generated configset on a real SolrCloud: it creates a collection, and analyses text as the local index does. */
class SolrConfigSetTest {

    private static SolrConnection solr;

    @BeforeAll
    static void createCollection() throws Exception {
        solr = SolrConnection.open(SolrTestCluster.target("configset_test"));
        SolrCollections collections = new SolrCollections(solr);
        collections.uploadConfigSet();
        collections.create("configset_test", 2, 1);
    }

    @Test
    void textIsAnalysedTokenForTokenAsLocally() throws Exception {
        List<String> texts = List.of(
                "The Federal Reserve's chairman said on Tuesday that U.S. rates would rise.",
                "Shock-waves: e-mail, 3.5% growth, O'Neil's co-operative; don't stop (the) running!",
                "Ünïcödé café naïve résumé — 東京 Zürich 1,000,000 tonnes at $4.50/lb",
                "united states of america and the people's republic of china's ministries");
        for (String text : texts) {
            assertEquals(local(text), remote(text), text);
        }
    }

    /** Terms and positions of the local analysis of the default field. */
    private static List<String> local(String text) throws Exception {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = ArticleSchema.analyzer().tokenStream(ArticleFields.DEFAULT.name(), text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = 0;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(term + "@" + position);
            }
            stream.end();
        }
        return tokens;
    }

    /** Terms and positions of Solr's index-time analysis of the same field. */
    private static List<String> remote(String text) throws Exception {
        FieldAnalysisRequest request = new FieldAnalysisRequest();
        request.addFieldName(ArticleFields.DEFAULT.name());
        request.setFieldValue(text);
        FieldAnalysisResponse response = request.process(solr.client(), "configset_test");
        List<AnalysisResponseBase.AnalysisPhase> phases = new ArrayList<>();
        response.getFieldNameAnalysis(ArticleFields.DEFAULT.name()).getIndexPhases().forEach(phases::add);
        List<String> tokens = new ArrayList<>();
        for (AnalysisResponseBase.TokenInfo token : phases.get(phases.size() - 1).getTokens()) {
            tokens.add(token.getText() + "@" + token.getPosition());
        }
        return tokens;
    }
}
