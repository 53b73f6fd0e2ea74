package org.newsarchive.query;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.newsarchive.entity.AliasTable;
import org.newsarchive.entity.EntityNormalizer;
import org.newsarchive.entity.EntityType;
import org.newsarchive.schema.ArticleSchema;

/**
 * Lucene's classic query syntax over headline and body, with {@code date:} understood as
 * calendar dates ({@code date:2023-12}, {@code date:[2023-01-01 TO 2023-06]}) instead of
 * strings, entity, {@code source:}, {@code author:} and {@code language:} values matched on
 * their normalised keys (so that {@code source:https://www.Reuters.com/} finds
 * {@code reuters.com}), and field names checked so that a typo is an error rather than zero hits.
 *
 * <p>Terms combine with AND by default: a news archive is searched to narrow down, and every
 * other desktop search engine users compare us with (Recoll, Xapian's omega, SQLite FTS5) does
 * the same. {@link #parseTiered} adds the articles with only some of the words as a second
 * tier, for search to list after the complete matches.
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
        return parse(text, names, new Parser(names, false));
    }

    /**
     * Parses a query into its two tiers: the articles with every word, and those with only some
     * (see {@link TieredQuery}).
     *
     * @throws InvalidQueryException as {@link #parse(String, EntityNormalizer)} does
     */
    public static TieredQuery parseTiered(String text, EntityNormalizer names) {
        Query complete = parse(text, names);
        Parser relaxing = new Parser(names, true);
        Query relaxed = parse(text, names, relaxing);
        if (!relaxing.relaxedSomething || relaxed.equals(complete)) {
            return new TieredQuery(complete, null);
        }
        Query partial = new BooleanQuery.Builder()
                .add(relaxed, BooleanClause.Occur.MUST)
                .add(complete, BooleanClause.Occur.MUST_NOT)
                .build();
        return new TieredQuery(complete, partial);
    }

    /**
     * A query as two tiers of matches. {@code complete} is the query as typed, words joined by
     * AND; {@code partial}, when the query joins two or more parts without an operator, matches
     * the articles with at least one of those parts but not all of them (the same query with OR
     * where the user wrote no operator, minus the complete matches). Dates, entities, sources,
     * authors and languages typed in the query stay required in both tiers: they restrict, they do
     * not describe.
     *
     * <p>Why two tiers rather than AND or OR alone: AND gives the precise first page people
     * expect from keyword search, and exact counts; but a long query ("instalment debt consumer
     * credit") finds almost nothing with AND, while the stories it describes use some of the
     * words. Listing the partial matches after the complete ones, and saying so, beats bare BM25
     * with OR on every measure of the development set (docs/ranking.md) without changing what the
     * first results and the count of complete matches are.
     *
     * @param partial null when the query has nothing to relax
     */
    public record TieredQuery(Query complete, Query partial) {
        public boolean hasPartial() {
            return partial != null;
        }
    }

    private static Query parse(String text, EntityNormalizer names, Parser parser) {
        if (text == null || text.isBlank()) {
            throw new InvalidQueryException("empty query: give words to search for, or *:* for every article");
        }
        checkNesting(text);
        try {
            Query query = withHeadlineWeight(matchingAllButExcluded(parser.parse(text)));
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

    /**
     * The query with an optional clause that adds {@link ArticleSchema#HEADLINE_WEIGHT} times the
     * headline score of each of its words, so that an article whose headline has the words ranks
     * a little higher. Only words outside a negation count (a negated word's article never
     * matches anyway: the default field holds the headline). One clause for all words rather
     * than "headline or text" per word: matching stays a conjunction of single terms, and the
     * scores are the same sums.
     */
    private static Query withHeadlineWeight(Query query) {
        Set<String> words = new TreeSet<>(); // sorted: the clause reads the same on every run
        query.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
            }

            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                if (leaf instanceof TermQuery) {
                    for (Term term : terms) {
                        if (term.field().equals(ArticleSchema.DEFAULT_FIELD)) {
                            words.add(term.text());
                        }
                    }
                }
            }
        });
        if (words.isEmpty()) {
            return query;
        }
        Query headline = ArticleSchema.headlineClause(words, ArticleSchema.HEADLINE_WEIGHT);
        if (query instanceof BooleanQuery bool && matchesAnyOptionalClause(bool)) {
            // a disjunction: one more optional clause rather than a required one around it, so
            // that it stays one disjunction that skips as a whole. The matches are the same:
            // an article with a word in its headline has it in the default field too.
            BooleanQuery.Builder flat = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            bool.clauses().forEach(flat::add);
            return flat.add(headline, BooleanClause.Occur.SHOULD).build();
        }
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(headline, BooleanClause.Occur.SHOULD)
                .build();
    }

    /** Whether a boolean query matches what any of its optional clauses matches (its other clauses only exclude). */
    private static boolean matchesAnyOptionalClause(BooleanQuery bool) {
        boolean optional = false;
        boolean required = false;
        for (BooleanClause clause : bool.clauses()) {
            optional |= clause.getOccur() == BooleanClause.Occur.SHOULD;
            required |= clause.getOccur() == BooleanClause.Occur.MUST || clause.getOccur() == BooleanClause.Occur.FILTER;
        }
        int atLeast = bool.getMinimumNumberShouldMatch();
        return optional && (atLeast == 1 || atLeast == 0 && !required);
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
        private final boolean relaxing;
        /** Date, entity, source, author and language clauses made so far: they stay required when the query is relaxed. */
        private final Set<Query> restrictions = Collections.newSetFromMap(new IdentityHashMap<>());
        /** Per clause list, how many clauses were joined without an operator. */
        private final Map<List<BooleanClause>, Integer> implicit = new IdentityHashMap<>();
        /** QueryParserBase's package-private codes for "no AND/OR" and "no +/-/NOT" before a clause. */
        private static final int NO_CONJUNCTION = 0;
        private static final int NO_MODIFIER = 0;
        /** Whether some clause list joined two or more parts without an operator (relaxing only). */
        boolean relaxedSomething;

        /** @param relaxing whether parts joined without an operator are optional (OR) rather than required */
        Parser(EntityNormalizer names, boolean relaxing) {
            super(new String[] {ArticleSchema.DEFAULT_FIELD}, ArticleSchema.analyzer());
            setDefaultOperator(relaxing ? QueryParser.Operator.OR : QueryParser.Operator.AND);
            setAllowLeadingWildcard(true);
            setSplitOnWhitespace(true);
            setAutoGeneratePhraseQueries(false);
            this.names = names;
            this.relaxing = relaxing;
        }

        @Override
        protected void addClause(List<BooleanClause> clauses, int conj, int mods, Query q) {
            super.addClause(clauses, conj, mods, q);
            if (!relaxing || conj != NO_CONJUNCTION || mods != NO_MODIFIER || q == null || clauses.isEmpty()) {
                return;
            }
            int last = clauses.size() - 1;
            if (restrictions.contains(q)) {
                clauses.set(last, new BooleanClause(q, BooleanClause.Occur.MUST));
            } else if (implicit.merge(clauses, 1, Integer::sum) >= 2) {
                relaxedSomething = true;
            }
        }

        private Query restriction(Query query) {
            restrictions.add(query);
            return query;
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            if (field != null && field.equals("*") && queryText.equals("*")) {
                return super.getFieldQuery(field, queryText, quoted);
            }
            String known = checked(field);
            if (ArticleSchema.DATE.equals(known)) {
                PartialDate day = PartialDate.parse(queryText);
                return restriction(ArticleSchema.dateRange(day.first(), day.last()));
            }
            EntityType entityType = known == null ? null : ArticleSchema.entityTypeOf(known);
            if (entityType != null) {
                return restriction(ArticleSchema.entityQuery(entityType, names.keyOf(entityType, queryText)));
            }
            Query metadata = known == null ? null : ArticleSchema.metadataQuery(known, queryText);
            if (metadata != null) {
                return restriction(metadata);
            }
            return super.getFieldQuery(known, queryText, quoted);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            // the grammar sends every quoted term here, with the default slop unless ~N was given
            String known = checked(field);
            if (known != null && (ArticleSchema.entityTypeOf(known) != null || ArticleSchema.isMetadataField(known)
                    || ArticleSchema.DATE.equals(known) && slop == getPhraseSlop())) {
                return getFieldQuery(field, queryText, true);
            }
            return super.getFieldQuery(textOnly(field, "a proximity query"), queryText, slop);
        }

        /** One default field: its query as it is, not wrapped in a one-clause disjunction. */
        @Override
        protected Query getMultiFieldQuery(List<Query> queries) throws ParseException {
            return queries.size() == 1 ? queries.get(0) : super.getMultiFieldQuery(queries);
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
            return restriction(ArticleSchema.dateRange(range.from(), range.to()));
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
         * entity, source, author and language fields, lower-cased like the keys (text fields are
         * lower-cased by their analyzer).
         */
        private static String patternTerm(String field, String termStr) throws ParseException {
            if (termStr.length() > MAX_PATTERN_TERM) {
                throw new InvalidQueryException("invalid query: a wildcard, fuzzy or regular-expression term of "
                        + termStr.length() + " characters (at most " + MAX_PATTERN_TERM + ")");
            }
            String known = checked(field);
            return known != null && (ArticleSchema.entityTypeOf(known) != null || ArticleSchema.isMetadataField(known))
                    ? termStr.toLowerCase(Locale.ROOT) : termStr;
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
