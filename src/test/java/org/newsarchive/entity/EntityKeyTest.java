package org.newsarchive.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "U.S.|us",
        "US|us",
        "  Xi   Jinping |xi jinping",
        "Société Générale|societe generale",
        "Asia-Pacific Economic Cooperation|asia pacific economic cooperation",
        "Asia–Pacific|asia pacific",
        "O’Neill|o'neill",
        "AT&T|at&t",
        "...|''",
    })
    void ignoresCaseAccentsStopsDashesAndSpaces(String name, String key) {
        assertEquals(key, EntityKey.of(name));
    }
}
