package org.newsarchive.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.newsarchive.query.CopyFinder;
import org.newsarchive.query.SimilarArticle;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.SignatureFieldDef;
import org.newsarchive.schema.SolrDocuments;
import org.newsarchive.schema.StoredArticle;

/**
 * Copies on SolrCloud, found "our way" rather than by Solr's collapsing (which needs a group's
 * articles on one shard): the article's stored signature, one search for the articles sharing
 * any of its band keys (on every shard), and their signatures compared here, with the same
 * threshold as the local index.
 */
final class SolrCopyFinder implements CopyFinder {

    /** Candidates read per article at most: a band shared by more is a boilerplate text, not a story. */
    private static final int MAX_CANDIDATES = 10_000;

    private final SolrRequests solr;
    private final SolrArticleSearch search;

    SolrCopyFinder(SolrRequests solr, SolrArticleSearch search) {
        this.solr = solr;
        this.search = search;
    }

    @Override
    public Optional<List<Copy>> copiesOf(String id) throws IOException {
        String signatureField = ArticleFields.DUPLICATES.name();
        String idField = ArticleFields.ID.name();
        SolrQuery own = new SolrQuery("{!term f=" + idField + "}" + id);
        own.setRows(1);
        own.setFields(idField, signatureField);
        List<SolrDocument> found = solr.select(own).getResults();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = (byte[]) found.get(0).getFirstValue(signatureField);
        if (bytes == null) {
            return Optional.of(List.of());
        }
        int[] signature = SignatureFieldDef.signatureOf(bytes);
        StringBuilder bands = new StringBuilder("{!terms f=").append(ArticleFields.DUPLICATES.bandsName()).append('}');
        bands.append(String.join(",", SignatureFieldDef.bandTexts(signature)));
        SolrQuery candidates = new SolrQuery(bands.toString());
        candidates.addFilterQuery("-{!term f=" + idField + "}" + id);
        candidates.setRows(MAX_CANDIDATES);
        candidates.setFields(idField, signatureField);
        List<Copy> copies = new ArrayList<>();
        for (SolrDocument doc : solr.select(candidates).getResults()) {
            byte[] other = (byte[]) doc.getFirstValue(signatureField);
            double similarity = other == null ? 0 : SignatureFieldDef.similarity(signature, SignatureFieldDef.signatureOf(other));
            if (similarity >= CopyFinder.MIN_SIMILARITY) {
                copies.add(new Copy((String) doc.getFirstValue(idField), similarity));
            }
        }
        return Optional.of(copies);
    }

    @Override
    public List<SimilarArticle> describe(List<Copy> copies) throws IOException {
        Map<String, SolrDocument> byId = search.fetch(copies.stream().map(Copy::id).toList());
        List<SimilarArticle> articles = new ArrayList<>();
        for (Copy copy : copies) {
            SolrDocument doc = byId.get(copy.id());
            if (doc != null) {
                StoredArticle a = SolrDocuments.storedArticle(doc::getFieldValues);
                articles.add(new SimilarArticle(a.id(), a.date(), a.published(), a.headline(), a.path(), (float) copy.similarity()));
            }
        }
        return articles;
    }
}
