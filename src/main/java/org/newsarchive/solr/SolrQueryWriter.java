package org.newsarchive.solr;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.newsarchive.query.InvalidQueryException;
import org.newsarchive.schema.SolrConfigSet;

/**
 * Writes a query newsarchive has parsed (a Lucene query over analysed terms) in Solr's standard
 * syntax, clause for clause, so that SolrCloud matches and scores exactly what the local index
 * would: the parsing, the analysis, the tiers and the ranking clauses stay on the client, and
 * Solr's query-time analysis of text fields only splits the terms on spaces
 * ({@link SolrConfigSet}). Terms are quoted (a one-term phrase is a term query), so no term is
 * read as syntax; a phrase's empty positions (stop words) are written as
 * {@value SolrConfigSet#GAP}, which that analysis turns back into gaps.
 */
final class SolrQueryWriter {

    private SolrQueryWriter() {
    }

    /**
     * The query in Solr's standard syntax.
     *
     * @throws InvalidQueryException for a kind of query the writer does not know (none the parser makes)
     */
    static String write(Query query) {
        StringBuilder out = new StringBuilder();
        write(query, out);
        return out.toString();
    }

    private static void write(Query query, StringBuilder out) {
        if (query instanceof TermQuery term) {
            quoted(term.getTerm(), out);
        } else if (query instanceof BooleanQuery bool) {
            bool(bool, out);
        } else if (query instanceof BoostQuery boost) {
            out.append('(');
            write(boost.getQuery(), out);
            out.append(")^").append(new java.math.BigDecimal(Float.toString(boost.getBoost())).toPlainString());
        } else if (query instanceof ConstantScoreQuery constant) {
            out.append('(');
            write(constant.getQuery(), out);
            out.append(")^=1");
        } else if (query instanceof PhraseQuery phrase) {
            phrase(phrase, out);
        } else if (query instanceof MatchAllDocsQuery) {
            out.append("*:*");
        } else if (query instanceof MatchNoDocsQuery) {
            out.append("(*:* -*:*)");
        } else if (query instanceof WildcardQuery wildcard) {
            Term term = wildcard.getTerm();
            out.append(term.field()).append(':').append(pattern(term.text()));
        } else if (query instanceof PrefixQuery prefix) {
            Term term = prefix.getPrefix();
            out.append(term.field()).append(':').append(escape(term.text())).append('*');
        } else if (query instanceof FuzzyQuery fuzzy) {
            Term term = fuzzy.getTerm();
            if (fuzzy.getPrefixLength() != 0) {
                throw unsupported(query);
            }
            out.append(term.field()).append(':').append(escape(term.text())).append('~').append(fuzzy.getMaxEdits());
        } else if (query instanceof RegexpQuery regexp) {
            Term term = regexp.getRegexp();
            out.append(term.field()).append(":/").append(term.text().replace("/", "\\/")).append('/');
        } else if (query instanceof TermRangeQuery range) {
            out.append(range.getField()).append(':').append(range.includesLower() ? '[' : '{')
                    .append(range.getLowerTerm() == null ? "*" : '"' + escapeQuoted(range.getLowerTerm().utf8ToString()) + '"')
                    .append(" TO ")
                    .append(range.getUpperTerm() == null ? "*" : '"' + escapeQuoted(range.getUpperTerm().utf8ToString()) + '"')
                    .append(range.includesUpper() ? ']' : '}');
        } else if (query instanceof IndexSortSortedNumericDocValuesRangeQuery sorted) {
            write(sorted.getFallbackQuery(), out);
        } else if (query instanceof IndexOrDocValuesQuery either) {
            write(either.getIndexQuery(), out);
        } else if (query instanceof PointRangeQuery range && range.getNumDims() == 1 && range.getBytesPerDim() == Long.BYTES) {
            long lower = LongPoint.decodeDimension(range.getLowerPoint(), 0);
            long upper = LongPoint.decodeDimension(range.getUpperPoint(), 0);
            out.append(range.getField()).append(":[").append(lower == Long.MIN_VALUE ? "*" : Long.toString(lower))
                    .append(" TO ").append(upper == Long.MAX_VALUE ? "*" : Long.toString(upper)).append(']');
        } else {
            throw unsupported(query);
        }
    }

    private static void bool(BooleanQuery bool, StringBuilder out) {
        if (bool.getMinimumNumberShouldMatch() != 0) {
            throw unsupported(bool);
        }
        if (bool.clauses().isEmpty()) {
            out.append("(*:* -*:*)");
            return;
        }
        out.append('(');
        boolean first = true;
        for (BooleanClause clause : bool.clauses()) {
            if (!first) {
                out.append(' ');
            }
            first = false;
            switch (clause.getOccur()) {
                case MUST -> {
                    out.append('+');
                    write(clause.getQuery(), out);
                }
                case SHOULD -> write(clause.getQuery(), out);
                case MUST_NOT -> {
                    out.append('-');
                    write(clause.getQuery(), out);
                }
                case FILTER -> {
                    // required, adding nothing to the score, as a filter clause does
                    out.append("+(");
                    write(clause.getQuery(), out);
                    out.append(")^=0");
                }
            }
        }
        out.append(')');
    }

    private static void phrase(PhraseQuery phrase, StringBuilder out) {
        Term[] terms = phrase.getTerms();
        int[] positions = phrase.getPositions();
        if (terms.length == 0) {
            out.append("(*:* -*:*)");
            return;
        }
        out.append(terms[0].field()).append(":\"");
        for (int i = 0; i < terms.length; i++) {
            if (i > 0) {
                out.append(' ');
                for (int gap = positions[i - 1] + 1; gap < positions[i]; gap++) {
                    out.append(SolrConfigSet.GAP).append(' ');
                }
            }
            out.append(escapeQuoted(terms[i].text()));
        }
        out.append('"');
        if (phrase.getSlop() != 0) {
            out.append('~').append(phrase.getSlop());
        }
    }

    private static void quoted(Term term, StringBuilder out) {
        out.append(term.field()).append(":\"").append(escapeQuoted(term.text())).append('"');
    }

    /** Inside quotes only the quote and the backslash are special. */
    private static String escapeQuoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** A term outside quotes: every character of the syntax escaped. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\+-!():^[]\"{}~*?|&/ ".indexOf(c) >= 0 || Character.isWhitespace(c)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A wildcard pattern: its {@code *}, {@code ?} and escapes kept, every other character of the syntax escaped. */
    private static String pattern(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '*' || c == '?') {
                out.append(c);
            } else {
                out.append(escape(String.valueOf(c)));
            }
        }
        return out.toString();
    }

    private static InvalidQueryException unsupported(Query query) {
        return new InvalidQueryException("invalid query: SolrCloud cannot run a " + query.getClass().getSimpleName()
                + " as the local index does (" + query + ")");
    }
}
