package org.newsarchive.query;

import java.util.Locale;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.newsarchive.entity.AliasTable;
import org.newsarchive.entity.EntityNormalizer;
import org.newsarchive.entity.EntityType;
import org.newsarchive.schema.ArticleSchema;

/**
 * Lucene's classic query syntax over headline and body, with {@code date:} understood as
 * calendar dates ({@code date:2023-12}, {@code date:[2023-01-01 TO 2023-06]}) instead of
 * strings, and field names checked so that a typo is an error rather than zero hits.
 *
 * <p>Terms combine with AND by default: a news archive is searched to narrow down, and every
 * other desktop search engine users compare us with (Recoll, Xapian's omega, SQLite FTS5) does
 * the same. A parser is not thread-safe; make one per query.
 */
public final class ArticleQueryParser {

    private ArticleQueryParser() {
    }

    /**
     * Parses a query.
     *
     * @throws InvalidQueryException with the column of a syntax error, or naming the bad field
     *                               or date
     */
    public static Query parse(String text) {
        return parse(text, new EntityNormalizer(AliasTable.defaults()));
    }

    /**
     * Parses a query whose entity names ({@code place:"U.S."}) are normalised by {@code names}.
     *
     * @throws InvalidQueryException with the column of a syntax error, or naming the bad field
     *                               or date
     */
    public static Query parse(String text, EntityNormalizer names) {
        if (text == null || text.isBlank()) {
            throw new InvalidQueryException("empty query: give words to search for, or *:* for every article");
        }
        checkNesting(text);
        Parser parser = new Parser(names);
        try {
            Query query = matchingAllButExcluded(parser.parse(text));
            checkBoosts(query);
            return query;
        } catch (ParseException e) {
            throw new InvalidQueryException(describe(text, e), e);
        } catch (InvalidQueryException e) {
            throw e;
        } catch (InvalidDateException e) {
            throw new InvalidQueryException("invalid query: " + e.getMessage(), e);
        } catch (IllegalArgumentException | TooComplexToDeterminizeException e) {
            // Lucene's own checks: a malformed regular expression, a negative slop, an automaton
            // too large to build
            throw new InvalidQueryException("invalid query: " + firstLine(e.getMessage()), e);
        } catch (StackOverflowError e) {
            throw new InvalidQueryException("invalid query: too deeply nested", e);
        }
    }

    /** Deeper than this, a query is a mistake or an attack, and Lucene's recursive code could overflow. */
    static final int MAX_NESTING = 100;

    /** Longer than this, a wildcard, fuzzy or regular-expression term matches nothing (terms are shorter) and costs much. */
    static final int MAX_PATTERN_TERM = 255;

    /** Highest boost a query may give: beyond it scores overflow to infinity. */
    static final float MAX_BOOST = 1e6f;

    /** Refuses brackets nested deeper than {@link #MAX_NESTING} outside quotes. */
    private static void checkNesting(String text) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
                if (++depth > MAX_NESTING) {
                    throw new InvalidQueryException("invalid query at column " + (i + 1) + ": brackets nested more than "
                            + MAX_NESTING + " deep");
                }
            } else if (!quoted && (c == ')' || c == ']' || c == '}')) {
                depth = Math.max(0, depth - 1);
            }
        }
    }

    /** Refuses boosts that would make scores overflow. */
    private static void checkBoosts(Query query) {
        if (query instanceof BoostQuery boost) {
            if (!(boost.getBoost() <= MAX_BOOST)) {
                throw new InvalidQueryException("invalid query: boost " + boost.getBoost() + " is over " + (long) MAX_BOOST);
            }
            checkBoosts(boost.getQuery());
        } else if (query instanceof BooleanQuery bool) {
            bool.clauses().forEach(clause -> checkBoosts(clause.getQuery()));
        }
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String describe(String text, ParseException wrapper) {
        Throwable cause = wrapper.getCause() != null ? wrapper.getCause() : wrapper;
        if (cause instanceof ParseException pe && pe.currentToken != null && pe.currentToken.next != null) {
            Token bad = pe.currentToken.next;
            if (bad.kind == 0) {
                return "invalid query at column " + (text.length() + 1) + ": unexpected end of query";
            }
            // the grammar counts columns from 0; people count from 1
            return "invalid query at column " + (bad.beginColumn + 1) + ": unexpected '" + bad.image + "'";
        }
        if (cause instanceof TokenMgrError) {
            return lexicalError(text);
        }
        String message = String.valueOf(cause.getMessage());
        int newline = message.indexOf('\n');
        return "invalid query: " + (newline < 0 ? message : message.substring(0, newline));
    }

    /**
     * Lucene matches nothing for a query made only of exclusions ({@code NOT volcano}); a user
     * means "every article but those", so that is what such a query gets.
     */
    private static Query matchingAllButExcluded(Query query) {
        if (query instanceof BooleanQuery bool && !bool.clauses().isEmpty()
                && bool.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT)) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
            bool.clauses().forEach(builder::add);
            return builder.build();
        }
        return query;
    }

    /** Names the opening quote that is never closed, or the backslash that escapes nothing. */
    private static String lexicalError(String text) {
        int openQuote = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i == text.length() - 1) {
                    return "invalid query at column " + (i + 1) + ": a backslash at the end escapes nothing";
                }
                i++;
            } else if (c == '"') {
                openQuote = openQuote < 0 ? i : -1;
            }
        }
        if (openQuote >= 0) {
            return "invalid query at column " + (openQuote + 1) + ": the quote opened here is never closed";
        }
        return "invalid query: unexpected character";
    }

    /** Classic parser with date-aware and field-checked hooks. */
    private static final class Parser extends MultiFieldQueryParser {

        private final EntityNormalizer names;

        Parser(EntityNormalizer names) {
            super(ArticleSchema.TEXT_FIELDS.toArray(String[]::new), ArticleSchema.analyzer(),
                    ArticleSchema.TEXT_FIELD_BOOSTS);
            setDefaultOperator(QueryParser.Operator.AND);
            setAllowLeadingWildcard(true);
            setSplitOnWhitespace(true);
            setAutoGeneratePhraseQueries(false);
            this.names = names;
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            if (field != null && field.equals("*") && queryText.equals("*")) {
                return super.getFieldQuery(field, queryText, quoted);
            }
            String known = checked(field);
            if (ArticleSchema.DATE.equals(known)) {
                PartialDate day = PartialDate.parse(queryText);
                return ArticleSchema.dateRange(day.first(), day.last());
            }
            EntityType entityType = known == null ? null : ArticleSchema.entityTypeOf(known);
            if (entityType != null) {
                return ArticleSchema.entityQuery(entityType, names.keyOf(entityType, queryText));
            }
            return super.getFieldQuery(known, queryText, quoted);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            // the grammar sends every quoted term here, with the default slop unless ~N was given
            String known = checked(field);
            if (known != null && (ArticleSchema.entityTypeOf(known) != null
                    || ArticleSchema.DATE.equals(known) && slop == getPhraseSlop())) {
                return getFieldQuery(field, queryText, true);
            }
            return super.getFieldQuery(textOnly(field, "a proximity query"), queryText, slop);
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                boolean endInclusive) throws ParseException {
            String known = checked(field);
            if (!ArticleSchema.DATE.equals(known)) {
                throw new InvalidQueryException(
                        "invalid query: ranges work on date: only, not on " + describeField(field));
            }
            var from = isOpen(part1) ? null
                    : startInclusive ? PartialDate.parse(part1).first() : PartialDate.parse(part1).last().plusDays(1);
            var to = isOpen(part2) ? null
                    : endInclusive ? PartialDate.parse(part2).last() : PartialDate.parse(part2).first().minusDays(1);
            DateRange range = new DateRange(from, to); // refuses an empty range, as --from/--to do
            return ArticleSchema.dateRange(range.from(), range.to());
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            return super.getPrefixQuery(textOnly(field, "a wildcard"), patternTerm(field, termStr));
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            if ("*".equals(field) && "*".equals(termStr)) {
                return super.getWildcardQuery(field, termStr);
            }
            return super.getWildcardQuery(textOnly(field, "a wildcard"), patternTerm(field, termStr));
        }

        /**
         * The term of a wildcard, fuzzy or regular-expression query, checked for length and, on
         * entity fields, lower-cased like the keys (text fields are lower-cased by their analyzer).
         */
        private static String patternTerm(String field, String termStr) throws ParseException {
            if (termStr.length() > MAX_PATTERN_TERM) {
                throw new InvalidQueryException("invalid query: a wildcard, fuzzy or regular-expression term of "
                        + termStr.length() + " characters (at most " + MAX_PATTERN_TERM + ")");
            }
            String known = checked(field);
            return known != null && ArticleSchema.entityTypeOf(known) != null
                    ? termStr.toLowerCase(java.util.Locale.ROOT) : termStr;
        }


        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            return super.getFuzzyQuery(textOnly(field, "a fuzzy query"), patternTerm(field, termStr), minSimilarity);
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            return super.getRegexpQuery(textOnly(field, "a regular expression"), patternTerm(field, termStr));
        }

        private static boolean isOpen(String bound) {
            return bound == null || bound.equals("*");
        }

        /** The schema's name for a field the user typed (any case), or null for the defaults. */
        private static String checked(String field) throws ParseException {
            if (field == null) {
                return null;
            }
            String lower = field.toLowerCase(Locale.ROOT);
            if (!ArticleSchema.QUERYABLE_FIELDS.contains(lower)) {
                throw new InvalidQueryException("invalid query: unknown field '" + field
                        + "' (fields: " + String.join(", ", ArticleSchema.QUERYABLE_FIELDS.stream().sorted().toList())
                        + ")");
            }
            return lower;
        }

        private static String textOnly(String field, String what) throws ParseException {
            String known = checked(field);
            if (ArticleSchema.DATE.equals(known)) {
                throw new InvalidQueryException(
                        "invalid query: " + what + " does not work on date:, use date:YYYY-MM-DD or date:[A TO B]");
            }
            return known;
        }

        private static String describeField(String field) {
            return field == null ? "text" : field + ":";
        }
    }
}
