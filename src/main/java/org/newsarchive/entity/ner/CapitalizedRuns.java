package org.newsarchive.entity.ner;

import java.util.Locale;
import java.util.Set;

/**
 * Runs of capitalised words, the rough outline of a multi-word name: {@code South China Sea},
 * {@code Organisation of Petroleum Exporting Countries}. A run may hold a few lower-case
 * connectors ({@code of}, {@code for}, {@code and}, {@code de}...) between capitalised words, but
 * never starts or ends with one.
 */
final class CapitalizedRuns {

    private static final Set<String> CONNECTORS = Set.of("of", "for", "and", "the", "de", "del", "della", "di", "da",
            "von", "van", "der", "den", "la", "le", "du", "des", "on", "&", "y", "al", "bin", "el");

    /**
     * Titles that stand before a person's name: a run ends after one ({@code Speaker | Nancy
     * Pelosi}, {@code Chairman | Charles Brown}), so the name is not read as part of an office.
     */
    private static final Set<String> TITLES = Set.of("president", "minister", "chairman", "chairwoman", "speaker",
            "secretary", "senator", "governor", "general", "director", "chief", "commander", "leader", "mayor",
            "judge", "ambassador", "king", "queen", "prince", "princess", "pope", "premier", "chancellor", "deputy",
            "mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "lt.", "col.", "capt.", "coach", "manager",
            "captain", "spokesman", "spokeswoman", "envoy", "sheikh", "sir", "lord", "lady", "cardinal",
            "bishop", "archbishop", "justice", "attorney", "officer", "professor", "prof.", "striker", "midfielder");

    /** Last words that make a run an organisation: Commission, Bank, Corp, Party... */
    private static final Set<String> ORGANISATION_HEADS = Set.of("corp", "corp.", "inc", "inc.", "ltd", "ltd.", "co",
            "co.", "plc", "ag", "sa", "nv", "group", "bank", "commission", "council", "committee", "ministry",
            "department", "agency", "authority", "organisation", "organization", "association", "federation",
            "union", "party", "cooperation", "co-operation", "institute", "university", "college", "court",
            "parliament", "assembly", "congress", "senate", "fund", "board", "office", "army", "navy", "police",
            "club", "airlines", "airways", "exchange", "securities", "holdings", "trust", "company", "industries",
            "international", "news", "times", "post", "journal", "front", "movement", "alliance", "league",
            "forces", "guard", "service", "services", "bureau", "foundation", "reserve", "treasury", "tribunal",
            "community", "cabinet", "government", "commission's", "nations", "society", "network", "church");

    /** Last words that make a run a place: Sea, River, Island... */
    private static final Set<String> LOCATION_HEADS = Set.of("sea", "ocean", "river", "mountains", "mountain", "lake",
            "island", "islands", "gulf", "bay", "strait", "straits", "valley", "peninsula", "province", "county",
            "street", "avenue", "square", "airport", "canal", "desert", "coast", "region", "city", "state", "republic",
            "kingdom", "heights", "hills", "bank", "strip", "park", "road", "bridge", "beach", "harbour", "harbor");

    private CapitalizedRuns() {
    }

    /**
     * The category of a run from its last word: ORG for organisation heads, LOC for place heads
     * (a word can be both, e.g. Bank), or null.
     */
    static String headCategory(String lowerCasedLastWord) {
        boolean organisation = ORGANISATION_HEADS.contains(lowerCasedLastWord);
        boolean location = LOCATION_HEADS.contains(lowerCasedLastWord);
        return organisation && location ? "ORGLOC" : organisation ? "ORG" : location ? "LOC" : null;
    }

    /** End (exclusive) of the run starting at {@code start}, or {@code start} when none starts there. */
    static int runEnd(String[] tokens, int start) {
        if (!isNameWord(tokens[start])) {
            return start;
        }
        if (isTitle(tokens[start])) {
            return start + 1;
        }
        int end = start + 1;
        int k = start + 1;
        while (k < tokens.length) {
            if (isNameWord(tokens[k])) {
                k++;
                end = k;
                if (isTitle(tokens[k - 1]) && k < tokens.length && isNameWord(tokens[k])) {
                    break;
                }
            } else if (CONNECTORS.contains(tokens[k]) && k + 1 < tokens.length && isNameWord(tokens[k + 1])) {
                k++;
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean isTitle(String token) {
        return TITLES.contains(token.toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean isNameWord(String token) {
        return WordShapes.isCapitalized(token) && Character.isLetter(token.charAt(0));
    }

    /**
     * The acronym of a run: the initials of its capitalised words and of the capitalised parts
     * of hyphenated words ({@code Asia-Pacific Economic Cooperation} gives APEC), or null.
     */
    static String initials(String[] tokens, int start, int end) {
        StringBuilder initials = new StringBuilder();
        for (int k = start; k < end; k++) {
            String token = tokens[k];
            if (!isNameWord(token)) {
                continue;
            }
            for (String part : token.split("-")) {
                if (!part.isEmpty() && Character.isUpperCase(part.charAt(0))) {
                    initials.append(part.charAt(0));
                }
            }
        }
        return initials.length() >= 2 ? initials.toString().toUpperCase(Locale.ROOT) : null;
    }
}
