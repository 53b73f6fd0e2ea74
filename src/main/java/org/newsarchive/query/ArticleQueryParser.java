package org.newsarchive.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
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
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.ArticleSchema;
import org.newsarchive.schema.EntityFieldDef;
import org.newsarchive.schema.FieldDef;
import org.newsarchive.schema.RangeQueryable;
import org.newsarchive.schema.TermQueryable;

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
 * tier, for search to list after the complete matches, and the clauses that score the best
 * matches again: a tenth of each word's headline score, and each pair of words typed side by
 * side found side by side. Their weights ({@link ArticleSchema#HEADLINE_WEIGHT},
 * {@link ArticleSchema#PAIR_WEIGHT}) were chosen over six judged collections, not one
 * (docs/ranking.md).
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
        Parser completing = new Parser(names, false);
        Query complete = parse(text, names, completing);
        Query rescoring = completing.rescoring;
        Parser relaxing = new Parser(names, true);
        Query relaxed = parse(text, names, relaxing);
        if (!relaxing.relaxedSomething || relaxed.equals(complete)) {
            return new TieredQuery(complete, null, rescoring);
        }
        Query partial = new BooleanQuery.Builder()
                .add(relaxed, BooleanClause.Occur.MUST)
                .add(complete, BooleanClause.Occur.MUST_NOT)
                .build();
        return new TieredQuery(complete, partial, rescoring);
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
     * words. Listing the partial matches after the complete ones, and saying so, keeps AND's
     * first page and counts and gets OR's recall; with the rescoring clauses it is at or above
     * bare BM25 with OR on every development collection (docs/ranking.md).
     *
     * <p>{@code rescoring} adds {@link ArticleSchema#HEADLINE_WEIGHT} times each word's headline
     * score, and {@link ArticleSchema#PAIR_WEIGHT} times the score of each pair of words typed
     * side by side that an article has side by side (see {@code Parser.followRun}). It matches
     * nothing the tiers do not, and it is not part of them: {@link BestHitsRescorer} adds it to the
     * scores of each tier's best articles. As clauses of the tiers, the pairs had every
     * candidate article's positions read, and a light headline clause kept block-max skipping
     * from pruning: multi-word searches took two to four times as long.
     *
     * @param partial   null when the query has nothing to relax
     * @param rescoring null when the query has no word to score again
     */
    public record TieredQuery(Query complete, Query partial, Query rescoring) {
        public boolean hasPartial() {
            return partial != null;
        }

        /** The same rescoring with other tiers (filtered ones, say). */
        public TieredQuery withTiers(Query newComplete, Query newPartial) {
            return new TieredQuery(newComplete, newPartial, rescoring);
        }
    }

    private static Query parse(String text, EntityNormalizer names, Parser parser) {
        if (text == null || text.isBlank()) {
            throw new InvalidQueryException("empty query: give words to search for, or *:* for every article");
        }
        checkNesting(text);
        try {
            Query parsed = parser.parse(text);
            Query query = matchingAllButExcluded(parsed);
            checkBoosts(query);
            parser.rescoring = either(headlineClause(query), parser.pairsOf(parsed));
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
            throw new InvalidQueryException("invalid query: " + FirstLine.of(e.getMessage()), e);
        } catch (StackOverflowError e) {
            throw new InvalidQueryException("invalid query: too deeply nested", e);
        }
    }

    /**
     * A clause adding {@link ArticleSchema#HEADLINE_WEIGHT} times the headline score of each word
     * of {@code query}, so that an article whose headline has the words ranks a little higher;
     * null when it has no word. Only words outside a negation count (a negated word's article
     * never matches anyway: the default field holds the headline). A word typed twice counts
     * twice, as it does in the text.
     */
    private static Query headlineClause(Query query) {
        List<String> words = new ArrayList<>();
        query.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
            }

            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                if (leaf instanceof TermQuery) {
                    for (Term term : terms) {
                        if (term.field().equals(ArticleFields.DEFAULT.name())) {
                            words.add(term.text());
                        }
                    }
                }
            }
        });
        if (words.isEmpty() || ArticleSchema.HEADLINE_WEIGHT == 0) {
            return null;
        }
        Collections.sort(words); // the clause reads the same on every run
        return ArticleFields.HEADLINE.anyWord(words, ArticleSchema.HEADLINE_WEIGHT);
    }

    /** Both optional clauses as one, either alone, or null when neither is. */
    private static Query either(Query first, Query second) {
        if (first == null || second == null) {
            return first != null ? first : second;
        }
        return new BooleanQuery.Builder()
                .add(first, BooleanClause.Occur.SHOULD)
                .add(second, BooleanClause.Occur.SHOULD)
                .build();
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
        return "invalid query: " + FirstLine.of(cause.getMessage());
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
        /** Clauses on fields of keys (id, path, entities, source ...) and the date made so far: they stay required when the query is relaxed. */
        private final Set<Query> restrictions = Collections.newSetFromMap(new IdentityHashMap<>());
        /** Per clause list, how many clauses were joined without an operator. */
        private final Map<List<BooleanClause>, Integer> implicit = new IdentityHashMap<>();
        /** QueryParserBase's package-private codes for "no AND/OR" and "no +/-/NOT" before a clause. */
        private static final int NO_CONJUNCTION = 0;
        private static final int NO_MODIFIER = 0;
        /** Whether some clause list joined two or more parts without an operator (relaxing only). */
        boolean relaxedSomething;
        /** Per clause list, the word pairs of its runs of plain words (see {@link #pairsOf}). */
        private final Map<List<BooleanClause>, List<Query>> pairs = new IdentityHashMap<>();
        /** Per clause list, the last plain word of the run being read, and the positions since it. */
        private final Map<List<BooleanClause>, RunEnd> runs = new IdentityHashMap<>();
        /** The pairs of each boolean query built, by the query's identity. */
        private final Map<Query, List<Query>> pairsByQuery = new IdentityHashMap<>();
        /** The analysis of the last plain word typed for the default field (null after anything else). */
        private Analysed lastToken;
        /** After parsing: the query's headline and pair clauses (see {@link TieredQuery}), null when it has none. */
        Query rescoring;

        /** @param relaxing whether parts joined without an operator are optional (OR) rather than required */
        Parser(EntityNormalizer names, boolean relaxing) {
            super(new String[] {ArticleFields.DEFAULT.name()}, ArticleSchema.analyzer());
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
            followRun(clauses, conj, mods, q);
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

        /**
         * Word pairs, as the sequential dependence model scores them (Metzler and Croft 2005):
         * two words typed side by side without an operator score more where they stand side by
         * side, in order. A stop word between them (dropped by the analysis) leaves its gap in
         * the pair, as it does in the index, so {@code history of computing} pairs
         * {@code history _ computing}. Anything else, an operator, a field, a phrase or a bracket,
         * ends the run; a word after an operator ({@code AND}, {@code OR}, but not {@code -} or
         * {@code NOT}) starts the next one.
         */
        private void followRun(List<BooleanClause> clauses, int conj, int mods, Query q) {
            boolean implicit = conj == NO_CONJUNCTION && mods == NO_MODIFIER;
            RunEnd end = implicit ? runs.get(clauses) : null; // an operator ends the run before it
            Analysed token = lastToken;
            lastToken = null;
            if (implicit && q == null && token != null) {
                if (end != null) { // a stop word, which leaves a gap, or punctuation, which leaves none
                    runs.put(clauses, new RunEnd(end.term(), end.gap() + token.trailing()));
                }
            } else if (mods == NO_MODIFIER && token != null && !token.words().isEmpty() && isPlainText(q)) {
                // a token may be several words ("shock-wave"): each pairs with the one before it
                int distance = end == null ? 0 : end.gap() - 1;
                String previous = end == null ? null : end.term();
                for (Analysed.Word word : token.words()) {
                    distance += word.increment();
                    if (previous != null) {
                        pairs.computeIfAbsent(clauses, k -> new ArrayList<>())
                                .add(ArticleFields.DEFAULT.pair(previous, word.term(), distance));
                    }
                    previous = word.term();
                    distance = 0;
                }
                runs.put(clauses, new RunEnd(previous, 1 + token.trailing()));
            } else {
                runs.remove(clauses);
            }
        }

        /** Whether {@code q} is what a plain word of the default field parses to: a term, or a group of terms. */
        private static boolean isPlainText(Query q) {
            if (q instanceof TermQuery term) {
                return term.getTerm().field().equals(ArticleFields.DEFAULT.name());
            }
            return q instanceof BooleanQuery bool && !bool.clauses().isEmpty()
                    && bool.clauses().stream().allMatch(c -> c.getOccur() != BooleanClause.Occur.MUST_NOT && isPlainText(c.getQuery()));
        }

        /** The last word of a run of plain words and how many positions the next word will be after it. */
        private record RunEnd(String term, int gap) {
        }

        /**
         * A typed token as the default field's analysis sees it: its words, each with its
         * position increment, and the positions after the last (stop words at its end).
         */
        private record Analysed(List<Word> words, int trailing) {
            record Word(String term, int increment) {
            }
        }

        @Override
        protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
            Query query = super.getBooleanQuery(clauses);
            List<Query> found = pairs.get(clauses);
            if (query != null && found != null) {
                pairsByQuery.put(query, found);
            }
            return query;
        }

        /**
         * The optional clause of the pairs of the query's top clause list, weighted
         * {@link ArticleSchema#PAIR_WEIGHT}, or null when it has none. Pairs inside brackets are
         * left out: a bracket is a group the user built on purpose (often to negate or OR it).
         */
        Query pairsOf(Query parsed) {
            List<Query> found = pairsByQuery.get(parsed);
            if (found == null || ArticleSchema.PAIR_WEIGHT == 0) {
                return null;
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            found.forEach(pair -> any.add(pair, BooleanClause.Occur.SHOULD));
            return new BoostQuery(any.build(), ArticleSchema.PAIR_WEIGHT);
        }

        /** {@code text} through the default field's analysis, with the positions its stop words take. */
        private Analysed analysed(String text) {
            List<Analysed.Word> words = new ArrayList<>();
            try (TokenStream tokens = getAnalyzer().tokenStream(ArticleFields.DEFAULT.name(), text)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    words.add(new Analysed.Word(term.toString(), increment.getPositionIncrement()));
                }
                tokens.end();
                return new Analysed(words, increment.getPositionIncrement());
            } catch (IOException e) {
                throw new UncheckedIOException(e); // analysing a string does no I/O
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
            FieldDef known = checked(field);
            if (known instanceof RangeQueryable dates) {
                PartialDate day = PartialDate.parse(queryText);
                return restriction(dates.rangeQuery(day.first(), day.last()));
            }
            if (known instanceof EntityFieldDef entities) {
                return restriction(entities.keyQuery(names.keyOf(entities.type(), queryText)));
            }
            if (known instanceof TermQueryable keys) {
                return restriction(keys.termQuery(queryText));
            }
            Query query = super.getFieldQuery(known == null ? null : known.name(), queryText, quoted);
            if (known == null && !quoted) {
                lastToken = analysed(queryText);
            }
            return query;
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            // the grammar sends every quoted term here, with the default slop unless ~N was given
            FieldDef known = checked(field);
            if (known instanceof TermQueryable || known instanceof RangeQueryable && slop == getPhraseSlop()) {
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
            if (!(checked(field) instanceof RangeQueryable dates)) {
                throw new InvalidQueryException(
                        "invalid query: ranges work on date: only, not on " + describeField(field));
            }
            var from = isOpen(part1) ? null
                    : startInclusive ? PartialDate.parse(part1).first() : PartialDate.parse(part1).last().plusDays(1);
            var to = isOpen(part2) ? null
                    : endInclusive ? PartialDate.parse(part2).last() : PartialDate.parse(part2).first().minusDays(1);
            DateRange range = new DateRange(from, to); // refuses an empty range, as --from/--to do
            return restriction(dates.rangeQuery(range.from(), range.to()));
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
            return checked(field) instanceof TermQueryable keys && keys.lowerCaseKeys()
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

        /** The catalogue's field a user typed (any case), or null for the defaults. */
        private static FieldDef checked(String field) throws ParseException {
            if (field == null) {
                return null;
            }
            FieldDef known = ArticleFields.queryable(field.toLowerCase(Locale.ROOT));
            if (known == null) {
                throw new InvalidQueryException("invalid query: unknown field '" + field
                        + "' (fields: " + String.join(", ", ArticleFields.queryableNames()) + ")");
            }
            return known;
        }

        /** The name of a field that word-level queries (wildcards, proximity) may work on. */
        private static String textOnly(String field, String what) throws ParseException {
            FieldDef known = checked(field);
            if (known instanceof RangeQueryable) {
                throw new InvalidQueryException(
                        "invalid query: " + what + " does not work on date:, use date:YYYY-MM-DD or date:[A TO B]");
            }
            return known == null ? null : known.name();
        }

        private static String describeField(String field) {
            return field == null ? "text" : field + ":";
        }
    }
}
