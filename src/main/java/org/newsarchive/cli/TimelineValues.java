package org.newsarchive.cli;

import org.newsarchive.query.Timeline;

/** The numbers a timeline shows per period: counts, or shares of every article of the period. */
final class TimelineValues {

    private TimelineValues() {
    }

    /**
     * Per period, the matching articles, or with {@code all} (the timeline of every article over
     * the same periods) their share of the period's articles; a period without articles has share 0.
     */
    static double[] of(Timeline timeline, Timeline all) {
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

    static double max(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Index of the first period with {@code value}, or -1. */
    static int firstIndexOf(double[] values, double value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first period with the highest value, or -1 when every value is 0. */
    static int peak(double[] values) {
        double max = max(values);
        return max > 0 ? firstIndexOf(values, max) : -1;
    }
}
