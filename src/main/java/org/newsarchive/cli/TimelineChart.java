package org.newsarchive.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.newsarchive.query.Timeline;
import org.newsarchive.query.TimelineSeries;
import org.newsarchive.query.TimelinePeriod;

/**
 * A timeline as a bar chart for a terminal: one line per period (two when comparing), the
 * label, a bar, the value and the peak marked, within {@value #WIDTH} columns. The first query's
 * bars are drawn in eighths of a cell, so that small differences show; the second's in a lighter
 * shade. Both share one scale, so their bars compare.
 */
final class TimelineChart {

    static final int WIDTH = 80;
    private static final String EIGHTHS = " ▏▎▍▌▋▊▉█";
    private static final char SECOND = '▒';
    private static final String PEAK = "  peak";

    private TimelineChart() {
    }

    /**
     * Prints the chart of {@code series} (aligned timelines: same periods); {@code all}, when
     * not null, is the timeline of every article, and bars show each period's share of it.
     */
    static void print(PrintWriter out, List<Timeline> series, Timeline all) {
        Timeline first = series.get(0);
        String unit = first.by().name().toLowerCase(Locale.ROOT);
        List<TimelinePeriod> periods = first.periods();
        if (periods.isEmpty()) {
            out.printf("No matching articles for \"%s\"%n", first.query());
            return;
        }
        out.printf("%s per %s, %s to %s%n", all == null ? "Articles" : "Share of the period's articles", unit,
                first.by().label(periods.get(0).first()), first.by().label(periods.get(periods.size() - 1).first()));
        for (int s = 0; s < series.size(); s++) {
            Timeline t = series.get(s);
            out.printf("  %s \"%s\": %,d article%s%n", s == 0 ? "█" : String.valueOf(SECOND), t.query(), t.total(),
                    t.total() == 1 ? "" : "s");
        }
        double[][] values = new double[series.size()][];
        double max = 0;
        int valueWidth = 1;
        for (int s = 0; s < series.size(); s++) {
            values[s] = TimelineSeries.values(series.get(s), all);
            for (double v : values[s]) {
                max = Math.max(max, v);
                valueWidth = Math.max(valueWidth, format(v, all != null).length());
            }
        }
        int labelWidth = 0;
        for (TimelinePeriod p : periods) {
            labelWidth = Math.max(labelWidth, first.by().label(p.first()).length());
        }
        int barWidth = Math.max(10, WIDTH - labelWidth - 2 - 1 - valueWidth - PEAK.length());
        int[] peaks = new int[series.size()];
        for (int s = 0; s < series.size(); s++) {
            peaks[s] = TimelineSeries.peak(values[s]);
        }
        for (int i = 0; i < periods.size(); i++) {
            for (int s = 0; s < series.size(); s++) {
                String label = s == 0 ? first.by().label(periods.get(i).first()) : "";
                double v = values[s][i];
                String bar = s == 0 ? eighths(v, max, barWidth) : shade(v, max, barWidth);
                out.printf("%-" + labelWidth + "s  %-" + barWidth + "s %" + valueWidth + "s%s%n", label, bar,
                        format(v, all != null), i == peaks[s] ? PEAK : "");
            }
        }
    }

    static String format(double value, boolean share) {
        return share ? String.format(Locale.ROOT, "%.2f%%", value * 100) : String.format(Locale.ROOT, "%,d", (long) value);
    }

    /** A bar in eighths of a cell; a value above zero shows at least one eighth. */
    static String eighths(double value, double max, int width) {
        if (value <= 0 || max <= 0) {
            return "";
        }
        long units = Math.max(1, Math.round(value / max * width * 8));
        StringBuilder bar = new StringBuilder();
        bar.append("█".repeat((int) (units / 8)));
        if (units % 8 > 0) {
            bar.append(EIGHTHS.charAt((int) (units % 8)));
        }
        return bar.toString();
    }

    /** A bar in whole cells of the lighter shade; a value above zero shows at least one. */
    static String shade(double value, double max, int width) {
        if (value <= 0 || max <= 0) {
            return "";
        }
        return String.valueOf(SECOND).repeat((int) Math.max(1, Math.round(value / max * width)));
    }
}
