package org.newsarchive.solr;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.Query;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.util.NamedList;
import org.newsarchive.query.DayCounts;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.DateFieldDef;

/**
 * Day counts on SolrCloud: a range facet over the date field with a gap of one day. The date is
 * kept as seconds in the article's own local time (DateFieldDef), so a day is always 86,400 of
 * them and buckets fall on the article's calendar days, whatever the time zone of client or nodes.
 */
final class SolrDayCounts implements DayCounts {

    private static final long SECONDS_PER_DAY = 86_400L;

    private final SolrRequests solr;

    SolrDayCounts(SolrRequests solr) {
        this.solr = solr;
    }

    @Override
    public long[] extentDays() throws IOException {
        Long first = extreme("asc");
        Long last = extreme("desc");
        if (first == null || last == null) {
            return null;
        }
        return new long[] {DateFieldDef.epochDayOf(first), DateFieldDef.epochDayOf(last)};
    }

    /** The smallest or largest date value, or null when the archive is empty. */
    Long extreme(String direction) throws IOException {
        String date = ArticleFields.DATE.name();
        SolrQuery ask = new SolrQuery("*:*");
        ask.setRows(1);
        ask.set("sort", date + " " + direction);
        ask.setFields(date);
        for (SolrDocument doc : solr.select(ask).getResults()) {
            Object value = doc.getFirstValue(date);
            return value == null ? null : ((Number) value).longValue();
        }
        return null;
    }

    @Override
    public long countDays(Query query, int[] perDay, long firstDay) throws IOException {
        SolrQuery ask = new SolrQuery(SolrQueryWriter.write(query));
        ask.setRows(0);
        long start = firstDay * SECONDS_PER_DAY;
        long end = (firstDay + perDay.length) * SECONDS_PER_DAY;
        ask.set("json.facet", "{days:{type:range,field:" + ArticleFields.DATE.name() + ",start:" + start + ",end:" + end
                + ",gap:" + SECONDS_PER_DAY + "}}");
        QueryResponse response = solr.select(ask);
        NamedList<?> facets = (NamedList<?>) response.getResponse().get("facets");
        NamedList<?> days = facets == null ? null : (NamedList<?>) facets.get("days");
        if (days != null) {
            for (Object bucket : (List<?>) days.get("buckets")) {
                NamedList<?> b = (NamedList<?>) bucket;
                long day = Math.floorDiv(((Number) b.get("val")).longValue(), SECONDS_PER_DAY);
                perDay[(int) (day - firstDay)] += ((Number) b.get("count")).intValue();
            }
        }
        return response.getResults().getNumFound();
    }
}
