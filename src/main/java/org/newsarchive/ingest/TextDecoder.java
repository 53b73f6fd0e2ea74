package org.newsarchive.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a source file's bytes into text with {@code \n} line ends.
 *
 * <p>Archives are written by many tools over many years: most files are UTF-8, but older ones
 * come from Windows editors in windows-1252 and carry no declaration. Guessing per file is cheap
 * and reliable because random windows-1252 text is almost never valid UTF-8; so a file that
 * decodes strictly as UTF-8 is taken as UTF-8 and anything else as windows-1252, which maps every
 * byte to some character. A file is therefore never rejected for its encoding: a wrong guess costs
 * a few odd characters, a rejection costs the whole article.
 *
 * <p>Line ends are normalised here, once, so that nothing downstream has to think about
 * {@code \r\n} or old Mac {@code \r} files.
 */
final class TextDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoder() {
    }

    /**
     * Decodes {@code content}; a leading UTF-8 byte order mark is dropped, CRLF and lone CR become
     * LF. The caller has already rejected NUL bytes (binary files), so they need no handling here.
     */
    static String decode(byte[] content) {
        int start = hasUtf8Bom(content) ? 3 : 0;
        String text;
        if (isAscii(content, start)) {
            // The common case for English archives: skip the decoder machinery altogether.
            text = new String(content, start, content.length - start, StandardCharsets.ISO_8859_1);
        } else {
            text = decodeUtf8Strictly(content, start);
            if (text == null) {
                text = new String(content, start, content.length - start, WINDOWS_1252);
            }
        }
        return normaliseLineEnds(text);
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private static boolean isAscii(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Returns the text, or {@code null} when the bytes are not valid UTF-8. */
    private static String decodeUtf8Strictly(byte[] content, int start) {
        // A decoder is stateful and not thread-safe; a fresh one per file is cheap next to the I/O.
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(content, start, content.length - start)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** CRLF and lone CR become LF, in one pass, and only when the text holds a CR at all. */
    static String normaliseLineEnds(String text) {
        int cr = text.indexOf('\r');
        if (cr < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, cr);
        int n = text.length();
        for (int i = cr; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
