package org.newsarchive.cli;

import java.util.List;
import java.util.Locale;
import org.newsarchive.query.TimeBucket;
import org.newsarchive.query.Timeline;
import org.newsarchive.query.TimelineSeries;
import org.newsarchive.query.TimelinePeriod;

/**
 * A timeline as a standalone SVG document: the same bars as {@link TimelineChart}, with a title,
 * a y axis with round ticks, period labels on the x axis (thinned so they never overlap), a
 * legend when two queries share the chart, and the peak labelled. Plain SVG 1.1 with no script
 * or external resource, so any browser or image viewer shows it.
 */
final class TimelineSvg {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 480;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 60;
    private static final int BOTTOM = 70;
    private static final String[] COLOURS = {"#1f5fa8", "#e0892b"};
    /** Horizontal room a period label needs, in pixels (11 px text, up to 10 characters). */
    private static final int LABEL_ROOM = 70;

    private TimelineSvg() {
    }

    /** The SVG document for {@code series} (aligned timelines); shares of {@code all} when it is not null. */
    static String render(List<Timeline> series, Timeline all) {
        Timeline first = series.get(0);
        TimeBucket by = first.by();
        List<TimelinePeriod> periods = first.periods();
        double[][] values = new double[series.size()][];
        double max = 0;
        for (int s = 0; s < series.size(); s++) {
            values[s] = TimelineSeries.values(series.get(s), all);
            max = Math.max(max, TimelineSeries.max(values[s]));
        }
        double top = niceCeiling(max, all != null);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        String what = all == null ? "Articles" : "Share of the period's articles";
        String range = periods.isEmpty() ? "no matching article"
                : by.label(periods.get(0).first()) + " to " + by.label(periods.get(periods.size() - 1).first());
        svg.append(text(LEFT, 28, 18, "start", "bold", what + " per " + by.name().toLowerCase(Locale.ROOT) + ", " + range));
        for (int s = 0; s < series.size(); s++) {
            Timeline t = series.get(s);
            int x = LEFT + s * 300;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"38\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    x, COLOURS[s]));
            svg.append(text(x + 18, 49, 13, "start", "normal",
                    "\u201c" + t.query() + "\u201d: " + String.format(Locale.ROOT, "%,d", t.total()) + " articles"));
        }
        // y axis: round ticks from 0 to the rounded maximum
        int intervals = intervals(top, all != null);
        for (int i = 0; i <= intervals; i++) {
            double value = top * i / intervals;
            double y = TOP + plotHeight - plotHeight * i / (double) intervals;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                    LEFT, y, WIDTH - RIGHT, y, i == 0 ? "#333" : "#ddd"));
            svg.append(text(LEFT - 8, y + 4, 11, "end", "normal", TimelineChart.format(value, all != null)));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                LEFT, TOP, LEFT, TOP + plotHeight));
        int n = periods.size();
        if (n > 0 && top > 0) {
            double slot = (double) plotWidth / n;
            double barWidth = Math.max(1, slot * 0.8 / series.size());
            int every = (int) Math.ceil(LABEL_ROOM / slot);
            for (int i = 0; i < n; i++) {
                double slotX = LEFT + i * slot + slot * 0.1;
                for (int s = 0; s < series.size(); s++) {
                    double h = plotHeight * values[s][i] / top;
                    svg.append(String.format(Locale.ROOT,
                            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %s</title></rect>%n",
                            slotX + s * barWidth, TOP + plotHeight - h, barWidth, h, COLOURS[s],
                            escape(by.label(periods.get(i).first())), TimelineChart.format(values[s][i], all != null)));
                }
                if (i % every == 0) {
                    double x = LEFT + (i + 0.5) * slot;
                    svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>%n",
                            x, TOP + plotHeight, x, TOP + plotHeight + 4));
                    svg.append(text(x, TOP + plotHeight + 18, 11, "middle", "normal", by.label(periods.get(i).first())));
                }
            }
            for (int s = 0; s < series.size(); s++) {
                int peak = TimelineSeries.peak(values[s]);
                if (peak >= 0) {
                    double x = LEFT + peak * slot + slot * 0.1 + (s + 0.5) * barWidth;
                    double y = TOP + plotHeight - plotHeight * values[s][peak] / top - 6;
                    svg.append(text(x, y, 11, "middle", "bold", "peak " + TimelineChart.format(values[s][peak], all != null)));
                }
            }
        }
        svg.append(text(LEFT + plotWidth / 2.0, HEIGHT - 20, 12, "middle", "normal",
                by.name().toLowerCase(Locale.ROOT) + (by == TimeBucket.WEEK ? " (ISO weeks)" : "")));
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** A round axis maximum at or above {@code max}: 1, 2 or 5 times a power of ten (counts at least 1). */
    static double niceCeiling(double max, boolean share) {
        if (max <= 0) {
            return share ? 0.01 : 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= max) {
                double top = step * power;
                return share ? top : Math.max(1, Math.ceil(top));
            }
        }
        return max;
    }

    /**
     * How many steps the y axis has up to {@code top} (1, 2 or 5 times a power of ten), so that
     * every tick is round: 5 steps of 0.2, 4 of 0.5 or 5 of 1 times the power; counts never get a
     * fractional tick.
     */
    static int intervals(double top, boolean share) {
        double power = Math.pow(10, Math.floor(Math.log10(top) + 1e-9));
        long leading = Math.round(top / power);
        int intervals = leading == 2 ? 4 : 5;
        if (!share && top / intervals < 1) {
            return (int) Math.max(1, Math.round(top));
        }
        return intervals;
    }

    private static String text(double x, double y, int size, String anchor, String weight, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\" font-weight=\"%s\">%s</text>%n",
                x, y, size, anchor, weight, escape(content));
    }

    /** Text safe inside an XML element or attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        out.append(c); // other control characters are not allowed in XML 1.0
                    }
                }
            }
        }
        return out.toString();
    }
}
