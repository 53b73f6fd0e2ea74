package org.newsarchive.entity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The matching key of an entity name: what two spellings must share to count as one entity in
 * filters and facet counts. Case, accents, full stops, apostrophe and dash variants and runs of
 * white space do not matter, so "U.S." and "US", "Société Générale" and "SOCIETE GENERALE",
 * "Asia-Pacific" and "Asia Pacific" meet.
 */
public final class EntityKey {

    private EntityKey() {
    }

    /** The key of a name; empty when the name holds no letter or digit. */
    public static String of(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder key = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK || c == '.') {
                continue;
            }
            if (c == '\u2019' || c == '\u2018' || c == '`') {
                c = '\'';
            }
            if (Character.isWhitespace(c) || c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2013'
                    || c == '\u2014' || c == '_') {
                space = key.length() > 0;
                continue;
            }
            if (space) {
                key.append(' ');
                space = false;
            }
            key.append(c);
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }
}
