package org.newsarchive.entity.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConllReaderTest {

    private static List<ConllDocument> read(String text) throws IOException {
        return ConllReader.read(new BufferedReader(new StringReader(text)), "test.conll", 1);
    }

    @Test
    void readsIob1DocumentsAndSentences() throws IOException {
        List<ConllDocument> documents = read("""
                -DOCSTART- -X- O O

                EU NNP I-NP I-ORG
                rejects VBZ I-VP O
                German JJ I-NP I-MISC
                call NN I-NP O

                Peter NNP I-NP I-PER
                Blackburn NNP I-NP I-PER

                -DOCSTART- -X- O O

                New NNP I-NP I-LOC
                York NNP I-NP I-LOC
                Paris NNP I-NP B-LOC
                Reuters NNP I-NP I-ORG
                """);
        assertEquals(2, documents.size());
        ConllDocument first = documents.get(0);
        assertEquals(2, first.sentences().size());
        assertEquals(List.of("EU", "rejects", "German", "call"), first.sentences().get(0).tokens());
        assertEquals(List.of(new TaggedSpan(0, 1, "ORG"), new TaggedSpan(2, 3, "MISC")), first.sentences().get(0).names());
        assertEquals(List.of(new TaggedSpan(0, 2, "PER")), first.sentences().get(1).names());
        assertEquals(3, first.sentences().get(0).line());
        // IOB1: B- splits two names of one type; a type change starts a name without B-
        assertEquals(List.of(new TaggedSpan(0, 2, "LOC"), new TaggedSpan(2, 3, "LOC"), new TaggedSpan(3, 4, "ORG")),
                documents.get(1).sentences().get(0).names());
        assertEquals(6, first.tokenCount());
    }

    @Test
    void readsIob2TwoColumnsWithMarkersAtTheEnd() throws IOException {
        // Wikigold's layout: two columns, -DOCSTART- closing each document
        List<ConllDocument> documents = read("""
                The B-ORG
                Mad I-ORG
                Capsule I-ORG
                Markets I-ORG
                play O
                in O
                Tokyo B-LOC
                Osaka B-LOC
                . O
                -DOCSTART- O

                Bob B-PER
                -DOCSTART- O
                """);
        assertEquals(2, documents.size());
        assertEquals(List.of(new TaggedSpan(0, 4, "ORG"), new TaggedSpan(6, 7, "LOC"), new TaggedSpan(7, 8, "LOC")),
                documents.get(0).sentences().get(0).names());
        assertEquals(List.of(new TaggedSpan(0, 1, "PER")), documents.get(1).sentences().get(0).names());
    }

    @Test
    void readsTheGuessColumnOfConllevalFiles() throws IOException {
        List<ConllDocument> gold = ConllReader.read(new BufferedReader(new StringReader("a I-PER O\nb O I-LOC\n")), "x", 2);
        List<ConllDocument> guess = ConllReader.read(new BufferedReader(new StringReader("a I-PER O\nb O I-LOC\n")), "x", 1);
        assertEquals(List.of(new TaggedSpan(0, 1, "PER")), gold.get(0).sentences().get(0).names());
        assertEquals(List.of(new TaggedSpan(1, 2, "LOC")), guess.get(0).sentences().get(0).names());
    }

    @Test
    void malformedLinesNameFileAndLine() {
        ConllFormatException oneColumn = assertThrows(ConllFormatException.class, () -> read("""
                EU NNP I-NP I-ORG

                rejects
                """));
        assertEquals("test.conll:3: expected a token and an NER tag, found 1 column: 'rejects'", oneColumn.getMessage());
        ConllFormatException badTag = assertThrows(ConllFormatException.class, () -> read("""
                EU NNP I-NP I-ORG
                rejects VBZ I-VP X-ORG
                """));
        assertTrue(badTag.getMessage().startsWith("test.conll:2: bad NER tag 'X-ORG'"), badTag.getMessage());
    }

    @Test
    void invalidUtf8IsAFormatError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.conll");
        Files.write(file, "Zürich I-LOC\n".getBytes(StandardCharsets.ISO_8859_1));
        ConllFormatException e = assertThrows(ConllFormatException.class, () -> ConllReader.read(file));
        assertEquals(file + ":1: not valid UTF-8", e.getMessage());
    }

    @Test
    void emptyInputHasNoDocuments() throws IOException {
        assertEquals(List.of(), read("\n\n-DOCSTART- -X- O O\n\n"));
    }
}
