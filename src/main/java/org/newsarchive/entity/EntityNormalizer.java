package org.newsarchive.entity;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a recognised mention into its canonical name: titles and honorifics go ("President Joe
 * Biden" → Joe Biden), so do possessives ("China's" → China) and surrounding punctuation; the
 * alias table then maps variants to one name ("U.S." → United States) and demonyms to their
 * country as a place ("Chinese" → China). What it cannot know from one mention alone (a
 * surname standing for a full name, an acronym defined in the text) is left to
 * {@link ArticleEntityResolver}.
 */
public final class EntityNormalizer {

    /** A canonical name and its (possibly corrected) type. */
    public record Normalized(EntityType type, String name) {
    }

    /** Words that precede a person's name without being part of it; compared in lower case, without full stops. */
    private static final Set<String> HONORIFICS = Set.of(
            "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "sir", "dame", "lord", "lady",
            "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "secretary-general",
            "senator", "sen", "rep", "representative", "congressman", "congresswoman", "governor", "gov", "mayor",
            "king", "queen", "prince", "princess", "emperor", "pope", "cardinal", "bishop", "archbishop",
            "rev", "reverend", "father", "sister", "brother", "rabbi", "imam", "sheikh", "sheik", "ayatollah",
            "general", "gen", "admiral", "adm", "colonel", "col", "lieutenant", "lt", "captain", "capt",
            "commander", "cmdr", "sergeant", "sgt", "major", "maj", "corporal", "cpl", "private", "pvt", "marshal",
            "chairman", "chairwoman", "chairperson", "chair", "speaker", "judge", "justice", "chief", "ambassador",
            "envoy", "commissioner", "director", "deputy", "foreign", "defence", "defense", "finance", "trade",
            "interior", "treasury", "state", "attorney", "former", "late", "acting", "incumbent", "candidate",
            "ceo", "cfo", "coach", "officer", "spokesman", "spokeswoman", "spokesperson", "leader", "his", "her",
            "holiness", "excellency", "honorable", "honourable", "hon", "mme", "mlle", "herr", "frau", "señor",
            "senor");

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private final AliasTable aliases;

    public EntityNormalizer(AliasTable aliases) {
        this.aliases = aliases;
    }

    /** The canonical form of a mention, or null when nothing of a name is left. */
    public Normalized normalize(Mention mention) {
        EntityType type = mention.type();
        String name = cleaned(mention.text());
        if (name.isEmpty()) {
            return null;
        }
        AliasTable.Target demonymOf = aliases.demonym(name);
        if (demonymOf != null && (type == EntityType.MISC || type == EntityType.LOCATION)) {
            return new Normalized(EntityType.LOCATION, demonymOf.name());
        }
        AliasTable.Target alias = aliases.lookup(type, name);
        if (alias != null) {
            return new Normalized(alias.type() == null ? type : alias.type(), alias.name());
        }
        if (type == EntityType.PERSON) {
            name = withoutHonorifics(name);
            alias = aliases.lookup(type, name);
            if (alias != null) {
                return new Normalized(alias.type() == null ? type : alias.type(), alias.name());
            }
        }
        return name.isEmpty() || EntityKey.of(name).isEmpty() ? null : new Normalized(type, name);
    }

    /**
     * The key a name typed by a user (in a query or an option) matches: normalised like a
     * mention of that type, so "U.S." finds United States and "President Xi" finds Xi Jinping.
     */
    public String keyOf(EntityType type, String typed) {
        Normalized normalized = normalize(new Mention(type, typed, 0, typed.length()));
        return normalized == null ? EntityKey.of(typed) : EntityKey.of(normalized.name());
    }

    /** Drops surrounding quotes, brackets and punctuation, a trailing possessive, and extra spaces. */
    static String cleaned(String text) {
        String name = WHITE_SPACE.matcher(text.strip()).replaceAll(" ");
        int start = 0;
        int end = name.length();
        while (start < end && isTrimmable(name.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmable(name.charAt(end - 1)) && !endsWithAbbreviation(name, start, end)) {
            end--;
        }
        name = name.substring(start, end);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith("'s") || lower.endsWith("\u2019s")) {
            name = name.substring(0, name.length() - 2);
        } else if (name.endsWith("'") || name.endsWith("\u2019")) {
            name = name.substring(0, name.length() - 1);
        }
        return name.strip();
    }

    private static boolean isTrimmable(char c) {
        return !Character.isLetterOrDigit(c) && c != '&';
    }

    /** "U.S." and "Corp." keep their final full stop. */
    private static boolean endsWithAbbreviation(String name, int start, int end) {
        if (name.charAt(end - 1) != '.' || end - start < 2) {
            return false;
        }
        int wordStart = name.lastIndexOf(' ', end - 2) + 1;
        String word = name.substring(Math.max(wordStart, start), end - 1);
        return word.length() <= 4 && word.chars().anyMatch(Character::isLetter);
    }

    /** Leading honorifics and titles of a person's name, as many as there are; never the last word. */
    static String withoutHonorifics(String name) {
        String[] words = name.split(" ");
        int first = 0;
        while (first < words.length - 1 && HONORIFICS.contains(
                words[first].replace(".", "").toLowerCase(Locale.ROOT))) {
            first++;
        }
        return first == 0 ? name : String.join(" ", java.util.Arrays.copyOfRange(words, first, words.length));
    }
}
