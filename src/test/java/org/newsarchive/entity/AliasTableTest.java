package org.newsarchive.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AliasTableTest {

    private final AliasTable defaults = AliasTable.defaults();

    @Test
    void shippedTableMapsTheIssueExamples() {
        for (String us : new String[] {"US", "U.S.", "USA", "United States", "America", "u.s."}) {
            assertEquals(new AliasTable.Target(EntityType.LOCATION, "United States"),
                    defaults.lookup(EntityType.LOCATION, us), us);
        }
        for (String uk : new String[] {"UK", "Britain", "Great Britain"}) {
            assertEquals("United Kingdom", defaults.lookup(EntityType.LOCATION, uk).name(), uk);
        }
        assertEquals(new AliasTable.Target(EntityType.ORGANIZATION, "Asia-Pacific Economic Cooperation"),
                defaults.lookup(EntityType.ORGANIZATION, "APEC"));
        assertEquals(new AliasTable.Target(EntityType.LOCATION, "China"), defaults.demonym("Chinese"));
        assertNull(defaults.demonym("China"));
        assertNull(defaults.lookup(EntityType.PERSON, "Nobody Known"));
    }

    @Test
    void aNameOfAnotherTypeTakesTheAliasType() {
        // a recogniser that took "U.S." for an organisation is corrected to the place
        assertEquals(new AliasTable.Target(EntityType.LOCATION, "United States"),
                defaults.lookup(EntityType.ORGANIZATION, "U.S."));
    }

    @Test
    void userFilesExtendAndOverride(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.txt");
        Files.writeString(file, """
                # my archive's names
                person: Xi Jinping = Xi, Chairman Xi
                place: United States of America = USA
                any: Bank of Japan = Nichigin
                demonym: Taiwan = Formosan
                """);
        AliasTable table = defaults.extendedWith(file);
        assertEquals("Xi Jinping", table.lookup(EntityType.PERSON, "chairman xi").name());
        assertEquals("United States of America", table.lookup(EntityType.LOCATION, "USA").name());
        assertEquals("United States", table.lookup(EntityType.LOCATION, "U.S.").name()); // untouched
        assertEquals(new AliasTable.Target(EntityType.MISC, "Bank of Japan"), table.lookup(EntityType.MISC, "Nichigin"));
        assertEquals("Taiwan", table.demonym("Formosan").name());
        assertEquals("United States", defaults.lookup(EntityType.LOCATION, "USA").name(), "defaults unchanged");
    }

    @Test
    void malformedLinesNameFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "# ok\nplace: Somewhere = Else\nthis line has no colon\n");
        AliasFileException e = assertThrows(AliasFileException.class, () -> defaults.extendedWith(file));
        assertEquals(file + ":3: expected 'TYPE: Canonical Name = variant, variant, ...'", e.getMessage());

        Files.writeString(file, "planet: Mars = Red Planet\n");
        e = assertThrows(AliasFileException.class, () -> defaults.extendedWith(file));
        assertEquals(file + ":1: unknown type 'planet' (person, org, place, misc, any or demonym)", e.getMessage());

        Files.writeString(file, "place:  = X\n");
        e = assertThrows(AliasFileException.class, () -> defaults.extendedWith(file));
        assertEquals(file + ":1: the canonical name is empty", e.getMessage());

        e = assertThrows(AliasFileException.class, () -> defaults.extendedWith(dir.resolve("none.txt")));
        assertEquals(dir.resolve("none.txt") + ": no such file", e.getMessage());
    }
}
