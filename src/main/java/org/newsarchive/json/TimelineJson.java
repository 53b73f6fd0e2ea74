package org.newsarchive.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.newsarchive.query.Timeline;
import org.newsarchive.query.TimelinePeriod;
import org.newsarchive.query.TimelineSeries;

/** The JSON of timelines: {@code timeline --format json} and {@code GET /api/timeline}. */
public final class TimelineJson {

    private TimelineJson() {
    }

    public static ObjectNode of(TimelineSeries answer) {
        Timeline all = answer.all();
        ObjectNode root = JsonText.object();
        root.put("by", answer.first().by().name().toLowerCase(Locale.ROOT));
        root.put("took_ms", answer.series().stream().mapToLong(Timeline::tookMs).max().orElse(0));
        ArrayNode list = root.putArray("series");
        for (Timeline t : answer.series()) {
            double[] values = TimelineSeries.values(t, all);
            int peak = TimelineSeries.peak(values);
            ObjectNode node = list.addObject();
            node.put("query", t.query());
            node.put("total", t.total());
            if (peak >= 0) {
                node.put("peak", t.by().label(t.periods().get(peak).first()));
            } else {
                node.putNull("peak");
            }
            ArrayNode periods = node.putArray("periods");
            for (int i = 0; i < t.periods().size(); i++) {
                TimelinePeriod p = t.periods().get(i);
                ObjectNode period = periods.addObject();
                period.put("period", t.by().label(p.first()));
                period.put("first", p.first().toString());
                period.put("last", p.last().toString());
                period.put("articles", p.articles());
                if (all != null) {
                    period.put("all_articles", all.periods().get(i).articles());
                    period.put("share", values[i]);
                }
            }
        }
        return root;
    }
}
