package org.newsarchive.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityNormalizerTest {

    private final EntityNormalizer normalizer = new EntityNormalizer(AliasTable.defaults());

    private EntityNormalizer.Normalized normalize(EntityType type, String text) {
        return normalizer.normalize(new Mention(type, text, 0, text.length()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PERSON|President Joe Biden|PERSON|Joe Biden",
        "PERSON|U.S. President Joe Biden|PERSON|U.S. President Joe Biden",
        "PERSON|Vice President Kamala Harris|PERSON|Kamala Harris",
        "PERSON|Mr. Brown|PERSON|Brown",
        "PERSON|Dr Jane Smith's|PERSON|Jane Smith",
        "PERSON|Joseph R. Biden Jr.|PERSON|Joe Biden",
        "PERSON|President Xi|PERSON|Xi Jinping",
        "LOCATION|China's|LOCATION|China",
        "LOCATION|China’s|LOCATION|China",
        "LOCATION|\"Taiwan,\"|LOCATION|Taiwan",
        "LOCATION|U.S.|LOCATION|United States",
        "ORGANIZATION|U.S.|LOCATION|United States",
        "LOCATION|the United States|LOCATION|United States",
        "ORGANIZATION|APEC|ORGANIZATION|Asia-Pacific Economic Cooperation",
        "ORGANIZATION|Acme Corp.|ORGANIZATION|Acme Corp.",
        "MISC|Chinese|LOCATION|China",
        "MISC|Americans|LOCATION|United States",
        "MISC|Olympics|MISC|Olympics",
        "ORGANIZATION|(Reuters)|ORGANIZATION|Reuters",
    })
    void canonicalNames(EntityType type, String text, EntityType wantedType, String wantedName) {
        assertEquals(new EntityNormalizer.Normalized(wantedType, wantedName), normalize(type, text));
    }

    @Test
    void aPersonIsNeverReducedToNothing() {
        assertEquals(new EntityNormalizer.Normalized(EntityType.PERSON, "President"), normalize(EntityType.PERSON, "President"));
        assertNull(normalize(EntityType.ORGANIZATION, "--"));
    }

    @Test
    void typedNamesMatchWhatIndexingStores() {
        assertEquals("united states", normalizer.keyOf(EntityType.LOCATION, "U.S."));
        assertEquals("xi jinping", normalizer.keyOf(EntityType.PERSON, "XI JINPING"));
        assertEquals("china", normalizer.keyOf(EntityType.LOCATION, "Chinese"));
    }
}
