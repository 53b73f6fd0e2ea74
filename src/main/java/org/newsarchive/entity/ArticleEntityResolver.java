package org.newsarchive.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the mentions of one article into its entities, using what the article itself says:
 * <ul>
 * <li>an acronym defined in the text stands for its expansion: "Asia-Pacific Economic
 *     Cooperation (APEC)" makes every later "APEC" that organisation;</li>
 * <li>a surname alone stands for the full name seen in the same article: after "Charles Brown",
 *     "Brown" is Charles Brown, not another person (the nearest full name before it wins, else the
 *     first after it). Where no full name ends with the word, one that starts with it is taken:
 *     Chinese and Korean names put the family name first ("Liu Zhenli" ... "Liu said");</li>
 * <li>mentions with the same canonical key and type are one entity, whatever their spelling.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class ArticleEntityResolver {

    /** "(APEC)" right after a name. */
    private static final Pattern ACRONYM_AFTER = Pattern.compile("\\G\\s*\\(\\s*([A-Z][A-Za-z0-9&.\\-]{1,11})\\s*\\)");

    private static final Pattern NOT_LETTER = Pattern.compile("[^A-Za-z]");
    private static final Pattern WORD_SEPARATOR = Pattern.compile("[\\s\\-]+");

    private final EntityNormalizer normalizer;

    public ArticleEntityResolver(EntityNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /** The entities of {@code text} given its recognised mentions (in text order). */
    public ArticleEntities resolve(String text, List<Mention> mentions) {
        List<Mention> kept = new ArrayList<>();
        List<EntityNormalizer.Normalized> names = new ArrayList<>();
        for (Mention mention : mentions) {
            EntityNormalizer.Normalized normalized = normalizer.normalize(mention);
            if (normalized != null) {
                kept.add(mention);
                names.add(normalized);
            }
        }
        applyAcronyms(text, kept, names);
        applySurnames(names);

        Map<String, Group> groups = new LinkedHashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            EntityNormalizer.Normalized name = names.get(i);
            String groupKey = name.type() + "\u0000" + EntityKey.of(name.name());
            groups.computeIfAbsent(groupKey, k -> new Group(name)).add(kept.get(i));
        }
        List<Entity> entities = new ArrayList<>(groups.size());
        for (Group group : groups.values()) {
            entities.add(new Entity(group.name.type(), group.name.name(), List.copyOf(group.surfaces), group.mentions));
        }
        return new ArticleEntities(entities);
    }

    /** Finds "Expansion (ACRONYM)" definitions and renames every mention of the acronym. */
    private void applyAcronyms(String text, List<Mention> mentions, List<EntityNormalizer.Normalized> names) {
        Map<String, EntityNormalizer.Normalized> expansions = new HashMap<>();
        Matcher matcher = ACRONYM_AFTER.matcher(text);
        for (int i = 0; i < mentions.size(); i++) {
            Mention mention = mentions.get(i);
            if (mention.end() > text.length() || !matcher.find(mention.end())) {
                continue;
            }
            String acronym = matcher.group(1);
            if (isAcronymOf(acronym, names.get(i).name())) {
                expansions.put(EntityKey.of(acronym), names.get(i));
            }
        }
        if (expansions.isEmpty()) {
            return;
        }
        for (int i = 0; i < names.size(); i++) {
            EntityNormalizer.Normalized expansion = expansions.get(EntityKey.of(names.get(i).name()));
            if (expansion != null) {
                names.set(i, expansion);
            }
        }
    }

    /**
     * Whether the capitals of {@code acronym} are the initials of words of {@code name} in order
     * ("APEC" of "Asia-Pacific Economic Cooperation", "NATO" of "North Atlantic Treaty
     * Organization"). Loose on purpose (small words may be skipped) but not so loose that a
     * bracketed country code after a company name counts.
     */
    static boolean isAcronymOf(String acronym, String name) {
        String letters = NOT_LETTER.matcher(acronym).replaceAll("").toUpperCase(java.util.Locale.ROOT);
        if (letters.length() < 2) {
            return false;
        }
        String[] words = WORD_SEPARATOR.split(name);
        int at = 0;
        for (String word : words) {
            if (at < letters.length() && !word.isEmpty() && Character.toUpperCase(word.charAt(0)) == letters.charAt(at)) {
                at++;
            }
        }
        return at == letters.length() && Character.toUpperCase(name.charAt(0)) == letters.charAt(0);
    }

    /** Renames a one-word person (or mis-typed one-word name) to the full name it is the surname of. */
    private static void applySurnames(List<EntityNormalizer.Normalized> names) {
        List<Integer> fullNames = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            EntityNormalizer.Normalized name = names.get(i);
            if (name.type() == EntityType.PERSON && name.name().indexOf(' ') > 0) {
                fullNames.add(i);
            }
        }
        if (fullNames.isEmpty()) {
            return;
        }
        for (int i = 0; i < names.size(); i++) {
            EntityNormalizer.Normalized name = names.get(i);
            if (name.name().indexOf(' ') >= 0) {
                continue;
            }
            String key = EntityKey.of(name.name());
            EntityNormalizer.Normalized resolved = fullNameFor(names, fullNames, i, key, true);
            if (resolved == null) {
                resolved = fullNameFor(names, fullNames, i, key, false);
            }
            if (resolved != null) {
                names.set(i, resolved);
            }
        }
    }

    /** The nearest full name before position {@code i} whose last (or first) word is {@code key}, else the first after. */
    private static EntityNormalizer.Normalized fullNameFor(List<EntityNormalizer.Normalized> names,
            List<Integer> fullNames, int i, String key, boolean lastWord) {
        EntityNormalizer.Normalized before = null;
        EntityNormalizer.Normalized after = null;
        for (int f : fullNames) {
            String full = names.get(f).name();
            String word = lastWord ? full.substring(full.lastIndexOf(' ') + 1) : full.substring(0, full.indexOf(' '));
            if (EntityKey.of(word).equals(key)) {
                if (f < i) {
                    before = names.get(f);
                } else if (after == null) {
                    after = names.get(f);
                }
            }
        }
        return before != null ? before : after;
    }

    /** Mentions that resolved to one name. */
    private static final class Group {
        final EntityNormalizer.Normalized name;
        final Set<String> surfaces = new LinkedHashSet<>();
        final List<Mention> mentions = new ArrayList<>();

        Group(EntityNormalizer.Normalized name) {
            this.name = name;
        }

        void add(Mention mention) {
            surfaces.add(mention.text());
            mentions.add(mention);
        }
    }
}
