package org.newsarchive.query;

import java.time.LocalDate;

/** One period of a timeline: its first and last day, and the matching articles dated in it. */
public record TimelinePeriod(LocalDate first, LocalDate last, long articles) {
}
