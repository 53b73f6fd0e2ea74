package org.newsarchive.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps variant names to one canonical name ("U.S.", "USA", "America" → United States), and
 * demonyms to their country ("Chinese" → China). One table ships with newsarchive; users extend or
 * override it with their own file in the same format:
 *
 * <pre>
 * # comment
 * place: United States = US, U.S., USA, America
 * org: Asia-Pacific Economic Cooperation = APEC
 * any: European Union = EU
 * demonym: China = Chinese
 * </pre>
 *
 * Each line is {@code TYPE: Canonical Name = variant, variant, ...}; TYPE is person, org, place,
 * misc, any (the variants take the canonical name whatever type the recogniser gave them) or
 * demonym (the variants are adjectives of the place on the left). Variants match by
 * {@link EntityKey}, so case and full stops do not matter; the canonical name itself always
 * matches too. A later line (or a user file) wins over an earlier one for the same variant.
 */
public final class AliasTable {

    /** A canonical name and the type it belongs to (null for {@code any}). */
    public record Target(EntityType type, String name) {
    }

    private static final String DEFAULT_RESOURCE = "/org/newsarchive/entity/aliases.txt";

    /**
     * The shipped table. Its entries are parsed when a name is first looked up, not when the
     * table is handed out: every search gets the table, but only one that names an entity
     * (a filter, an entity field) reads it, and parsing it (and loading the Unicode data that
     * {@link EntityKey} normalises with) took about 9 ms of CPU time at the start of every search.
     */
    private static final AliasTable DEFAULTS = new AliasTable(null);

    /** The entries; null in {@link #DEFAULTS}, whose entries are {@link Shipped#ENTRIES}. */
    private final Entries entries;

    private record Entries(Map<EntityType, Map<String, Target>> byType, Map<String, Target> anyType,
            Map<String, Target> demonyms) {
    }

    /** The shipped entries, parsed on first use (the holder idiom makes that thread-safe). */
    private static final class Shipped {
        static final Entries ENTRIES = parseShipped();

        private static Entries parseShipped() {
            try (InputStream in = AliasTable.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
                }
                return parse(in, DEFAULT_RESOURCE, empty());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private AliasTable(Entries entries) {
        this.entries = entries;
    }

    private Entries entries() {
        return entries != null ? entries : Shipped.ENTRIES;
    }

    /** An empty table. */
    public static AliasTable empty() {
        return new AliasTable(new Entries(new EnumMap<>(EntityType.class), Map.of(), Map.of()));
    }

    /** The table shipped with newsarchive (parsed once, when first used). */
    public static AliasTable defaults() {
        return DEFAULTS;
    }

    /**
     * This table extended by a user file; the file's lines win.
     *
     * @throws AliasFileException naming the file and line of the first malformed line
     */
    public AliasTable extendedWith(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new AliasTable(parse(in, file.toString(), this));
        } catch (NoSuchFileException e) {
            throw new AliasFileException(file + ": no such file");
        }
    }

    private static Entries parse(InputStream in, String source, AliasTable base) throws IOException {
        Entries baseEntries = base.entries();
        Map<EntityType, Map<String, Target>> byType = new EnumMap<>(EntityType.class);
        baseEntries.byType().forEach((type, map) -> byType.put(type, new HashMap<>(map)));
        Map<String, Target> any = new HashMap<>(baseEntries.anyType());
        Map<String, Target> demonyms = new HashMap<>(baseEntries.demonyms());
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int colon = text.indexOf(':');
            int equals = text.indexOf('=');
            if (colon < 0 || equals < colon) {
                throw new AliasFileException(source + ":" + number
                        + ": expected 'TYPE: Canonical Name = variant, variant, ...'");
            }
            String typeName = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String canonical = text.substring(colon + 1, equals).strip();
            if (canonical.isEmpty() || EntityKey.of(canonical).isEmpty()) {
                throw new AliasFileException(source + ":" + number + ": the canonical name is empty");
            }
            Map<String, Target> into;
            Target target;
            switch (typeName) {
                case "any" -> {
                    into = any;
                    target = new Target(null, canonical);
                }
                case "demonym" -> {
                    into = demonyms;
                    target = new Target(EntityType.LOCATION, canonical);
                }
                default -> {
                    EntityType type = EntityType.fromQueryName(typeName);
                    if (type == null) {
                        throw new AliasFileException(source + ":" + number + ": unknown type '" + typeName
                                + "' (person, org, place, misc, any or demonym)");
                    }
                    into = byType.computeIfAbsent(type, t -> new HashMap<>());
                    target = new Target(type, canonical);
                }
            }
            if (!typeName.equals("demonym")) {
                into.put(EntityKey.of(canonical), target);
            }
            for (String variant : text.substring(equals + 1).split(",")) {
                String key = EntityKey.of(variant);
                if (!key.isEmpty()) {
                    into.put(key, target);
                }
            }
        }
        return new Entries(byType, any, demonyms);
    }

    /**
     * The canonical target of a name found with {@code type}: an alias of the same type first,
     * then one of any type, then one of another type (which corrects a recogniser that took
     * "U.S." for an organisation); null when the table does not know the name.
     */
    public Target lookup(EntityType type, String name) {
        String key = EntityKey.of(name);
        Entries entries = entries();
        Map<String, Target> sameType = entries.byType().get(type);
        if (sameType != null && sameType.containsKey(key)) {
            return sameType.get(key);
        }
        Target any = entries.anyType().get(key);
        if (any != null) {
            return new Target(type, any.name());
        }
        for (Map.Entry<EntityType, Map<String, Target>> other : entries.byType().entrySet()) {
            Target target = other.getValue().get(key);
            if (target != null) {
                return target;
            }
        }
        return null;
    }

    /** The place a demonym refers to ("Chinese" → China), or null. */
    public Target demonym(String word) {
        return entries().demonyms().get(EntityKey.of(word));
    }
}
