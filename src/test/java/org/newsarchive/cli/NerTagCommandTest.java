package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.entity.DictionaryRecognizer;
import org.newsarchive.entity.EntityType;

class NerTagCommandTest {

    @TempDir
    Path tmp;

    private CliRun tag(String... args) {
        CliEnvironment environment = new CliEnvironment(Map.of(), tmp, false, () -> new DictionaryRecognizer(Map.of(
                "Charles Brown", EntityType.PERSON, "Brown", EntityType.PERSON, "U.S.", EntityType.LOCATION,
                "Pentagon", EntityType.ORGANIZATION)));
        String[] all = new String[args.length + 2];
        all[0] = "ner";
        all[1] = "tag";
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.run(environment, all);
    }

    @Test
    void anArticleIsTaggedAsIndexingWouldTagIt() throws IOException {
        Path article = Files.writeString(tmp.resolve("a.txt"),
                " date 2023-12-22 PENTAGON TALKS\n\nU.S. general Charles Brown spoke. Brown said the Pentagon agreed.\n");
        JsonNode json = tag(article.toString(), "--format", "json").expect(0).assertQuiet().json();
        String text = "U.S. general Charles Brown spoke. Brown said the Pentagon agreed.";
        assertEquals(text, json.get("text").asText(), "the all-capitals headline is not tagged");
        JsonNode entities = json.get("entities");
        assertEquals(3, entities.size());
        assertEquals("place", entities.get(0).get("type").asText());
        assertEquals("United States", entities.get(0).get("name").asText());
        assertEquals("[\"U.S.\"]", entities.get(0).get("surface_forms").toString());
        JsonNode brown = entities.get(1);
        assertEquals("Charles Brown", brown.get("name").asText());
        assertEquals("[\"Charles Brown\",\"Brown\"]", brown.get("surface_forms").toString());
        assertEquals("[{\"text\":\"Charles Brown\",\"start\":13,\"end\":26},{\"text\":\"Brown\",\"start\":34,\"end\":39}]",
                brown.get("mentions").toString());
        assertEquals("Brown", text.substring(34, 39));
        assertEquals("U.S. Department of Defense", entities.get(2).get("name").asText());
    }

    @Test
    void textOutputHasOneLinePerEntity() throws IOException {
        Path raw = Files.writeString(tmp.resolve("raw.txt"), "Charles Brown met Brown.");
        assertEquals("person  Charles Brown  Charles Brown | Brown  @ 0-13 18-23\n",
                tag(raw.toString()).expect(0).out());
        Path none = Files.writeString(tmp.resolve("none.txt"), "nothing here");
        assertEquals("no entities\n", tag(none.toString()).expect(0).out());
    }

    @Test
    void aMissingFileIsAUsageError() {
        assertEquals("newsarchive: no such file: " + tmp.resolve("nope.txt"),
                tag(tmp.resolve("nope.txt").toString()).expect(2).oneErrorLine());
    }
}
