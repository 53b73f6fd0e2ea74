package org.newsarchive.query;

import java.util.List;

/**
 * The answer to a {@link TimelinesRequest}: one timeline per query over the same periods, and,
 * when shares were asked for, the timeline of every article over those periods.
 *
 * @param all every article per period (the divisor of shares), or null
 */
public record TimelineSeries(List<Timeline> series, Timeline all) {

    public TimelineSeries {
        series = List.copyOf(series);
    }

    /** The main series: the first query's. */
    public Timeline first() {
        return series.get(0);
    }

    /**
     * Per period, the matching articles of {@code timeline}, or with {@code all} (every article
     * over the same periods) their share of the period's articles (0 for a period without any).
     */
    public static double[] values(Timeline timeline, Timeline all) {
        double[] values = new double[timeline.periods().size()];
        for (int i = 0; i < values.length; i++) {
            long articles = timeline.periods().get(i).articles();
            if (all == null) {
                values[i] = articles;
            } else {
                long everything = all.periods().get(i).articles();
                values[i] = everything == 0 ? 0 : (double) articles / everything;
            }
        }
        return values;
    }

    /** The largest of {@code values}, 0 when there are none. */
    public static double max(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Index of the first period with {@code value}, or -1. */
    private static int firstIndexOf(double[] values, double value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first period with the highest value, or -1 when every value is 0. */
    public static int peak(double[] values) {
        double max = max(values);
        return max > 0 ? firstIndexOf(values, max) : -1;
    }
}
