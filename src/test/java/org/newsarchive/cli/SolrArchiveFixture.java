package org.newsarchive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.newsarchive.schema.ArticleFields;

/** Archives of synthetic articles for the SolrCloud tests of the command line, and what a collection holds. */
final class SolrArchiveFixture {

    private static final String[] WORDS = {"storm", "harbour", "minister", "cocoa", "election", "bank", "rates",
        "coast", "power", "wheat", "strike", "port", "court", "budget", "oil", "trade", "rain", "vote", "border",
        "tariff", "market", "river", "flood", "school", "union", "export", "factory", "airport", "bridge", "island"};

    static final String ID = ArticleFields.ID.name();

    private SolrArchiveFixture() {
    }

    /** A seed-format article, different for every {@code n}. */
    static String article(int n) {
        StringBuilder text = new StringBuilder(" date 2023-").append(String.format("%02d-%02d", 1 + n % 12, 1 + n % 28))
                .append(" Report number ").append(n).append(" on the ").append(WORDS[n % WORDS.length])
                .append(" and the ").append(WORDS[(n / 7) % WORDS.length]).append(".\n\n");
        for (int i = 0; i < 3; i++) {
            text.append("The ").append(WORDS[(n + i) % WORDS.length]).append(" of district ").append(n * 3 + i)
                    .append(" met the ").append(WORDS[(n * 5 + i) % WORDS.length]).append(" on day ").append(i)
                    .append(" of the ").append(WORDS[(n * 11 + i) % WORDS.length]).append(" season.\n\n");
        }
        return text.toString();
    }

    /** Writes {@code count} article files {@code prefix0000.txt...} into {@code folder}, numbered from {@code first}. */
    static List<Path> writeArticles(Path folder, String prefix, int first, int count) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            Path file = folder.resolve(String.format("%s%04d.txt", prefix, n));
            Files.writeString(file, article(n));
            files.add(file);
        }
        return files;
    }

    /** A news-please JSON line. */
    static String record(int n) {
        return "{\"title\": \"Record " + n + " about the " + WORDS[n % WORDS.length] + "\", \"maintext\": \"The "
                + WORDS[(n + 3) % WORDS.length] + " of record " + n + " was seen near the " + WORDS[(n + 9) % WORDS.length]
                + ".\", \"date_publish\": \"2023-12-" + String.format("%02d", 1 + n % 28) + " 08:30:00\", \"url\": "
                + "\"https://www.example.com/record/" + n + "\", \"source_domain\": \"www.example.com\", \"language\": \"en\"}";
    }

    /** How many documents the collection (or alias) holds. */
    static long count(SolrClient client, String collection) throws IOException, SolrServerException {
        return client.query(collection, new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
    }

    /** Every document's id with how many documents have it, read with cursorMark paging. */
    static Map<String, Integer> ids(SolrClient client, String collection) throws IOException, SolrServerException {
        return values(client, collection, ID);
    }

    /** Every document's value of the one-valued {@code field}, by id. */
    static Map<String, Object> fieldById(SolrClient client, String collection, String field)
            throws IOException, SolrServerException {
        Map<String, Object> byId = new HashMap<>();
        forEach(client, collection, "*:*", List.of(ID, field), doc -> byId.put((String) doc.getFirstValue(ID),
                doc.getFirstValue(field)));
        return byId;
    }

    private static Map<String, Integer> values(SolrClient client, String collection, String field)
            throws IOException, SolrServerException {
        Map<String, Integer> counts = new HashMap<>();
        forEach(client, collection, "*:*", List.of(field), doc -> counts.merge(String.valueOf(doc.getFirstValue(field)), 1,
                Integer::sum));
        return counts;
    }

    interface DocumentVisitor {
        void visit(SolrDocument doc);
    }

    static void forEach(SolrClient client, String collection, String query, List<String> fields, DocumentVisitor visitor)
            throws IOException, SolrServerException {
        List<String> fl = new ArrayList<>(fields);
        if (!fl.contains(ID)) {
            fl.add(ID);
        }
        SolrQuery request = new SolrQuery(query).setFields(fl.toArray(String[]::new)).setRows(500)
                .setSort(SolrQuery.SortClause.asc(ID));
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            request.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse response = client.query(collection, request);
            response.getResults().forEach(visitor::visit);
            String next = response.getNextCursorMark();
            if (next.equals(cursor)) {
                return;
            }
            cursor = next;
        }
    }

    /** The collection an alias names, or null. */
    static String aliased(SolrClient client, String alias) throws IOException, SolrServerException {
        return new CollectionAdminRequest.ListAliases().process(client).getAliases().get(alias);
    }

    /** The cluster's collections. */
    static List<String> collections(SolrClient client) throws IOException, SolrServerException {
        return CollectionAdminRequest.listCollections(client);
    }
}
