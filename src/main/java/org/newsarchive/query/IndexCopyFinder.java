package org.newsarchive.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.newsarchive.schema.ArticleFields;

/** Copies in the local index: the signature's band terms, then the candidates' signatures ({@link NearDuplicates}). */
final class IndexCopyFinder implements CopyFinder {

    /** The stored field a copy is read for. */
    private static final Set<String> ID_ONLY = Set.of(ArticleFields.ID.name());

    private final IndexSearcher searcher;
    private final ArticleLookup lookup;
    private final NearDuplicates duplicates;

    IndexCopyFinder(IndexSearcher searcher, ArticleLookup lookup) {
        this.searcher = searcher;
        this.lookup = lookup;
        this.duplicates = new NearDuplicates(searcher);
    }

    @Override
    public Optional<List<Copy>> copiesOf(String id) throws IOException {
        OptionalInt own = lookup.docOf(id);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        var stored = searcher.storedFields();
        List<Copy> copies = new ArrayList<>();
        for (NearDuplicates.Copy copy : duplicates.copiesOf(own.getAsInt())) {
            copies.add(new Copy(ArticleFields.ID.read(stored.document(copy.doc(), ID_ONLY)), copy.similarity()));
        }
        return Optional.of(copies);
    }

    @Override
    public List<SimilarArticle> describe(List<Copy> copies) throws IOException {
        var stored = searcher.storedFields();
        List<SimilarArticle> articles = new ArrayList<>();
        for (Copy copy : copies) {
            OptionalInt doc = lookup.docOf(copy.id());
            if (doc.isPresent()) {
                articles.add(SimilarArticle.of(stored.document(doc.getAsInt(), ArticleFields.HIT_FIELDS), (float) copy.similarity()));
            }
        }
        return articles;
    }
}
