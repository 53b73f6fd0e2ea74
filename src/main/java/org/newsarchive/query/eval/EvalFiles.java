package org.newsarchive.query.eval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the text of an evaluation file: UTF-8, an optional byte order mark, any line ends. */
final class EvalFiles {

    private EvalFiles() {
    }

    /** The whole text with line ends as {@code \n}. */
    static String read(Path file) throws EvalFileException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new EvalFileException(name, "is a folder, not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new EvalFileException(name, "no such file");
        } catch (IOException e) {
            throw new EvalFileException(name, "cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new EvalFileException(name, "not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
