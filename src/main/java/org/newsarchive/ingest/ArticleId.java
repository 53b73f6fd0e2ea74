package org.newsarchive.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * The stable id of an article: derived from where the file is, not from what it holds; for a JSON
 * record, from its URL (see {@link #ofUrl}).
 *
 * <p>An edited article must replace its old version in the index, so the id cannot depend on the
 * content; and two copies of the same story in two files are two documents, so it cannot be a
 * content hash either. The path is the identity. It must be the <em>real</em> path
 * ({@link Path#toRealPath}): the same file reached through a symlink or a relative spelling would
 * otherwise get a second id and be indexed twice. Callers resolve it; {@link ArchiveWalker} hands
 * out real paths already.
 *
 * <p>Sixteen hex digits (64 bits) keep ids short enough to type in a "show" command, with a
 * collision chance that is negligible for archives of millions of files.
 */
public final class ArticleId {

    /** Length of an id in hex characters. */
    public static final int LENGTH = 16;

    private ArticleId() {
    }

    /**
     * The id of the article in the file at {@code realPath}: the first {@value #LENGTH} lower-case
     * hex characters of the SHA-256 of the UTF-8 bytes of {@code realPath.toString()}.
     *
     * @param realPath the file's real path, as returned by {@link Path#toRealPath}; not resolved
     *                 here, so that computing an id touches no file system
     */
    public static String of(Path realPath) {
        byte[] digest = Sha256.of(realPath.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, LENGTH / 2);
    }

    /**
     * The id of a JSON record that gives its URL: the same article crawled twice, or listed in two
     * exports, is one article. The URL is hashed with a prefix so that it can never collide with
     * a file path of the same spelling.
     */
    public static String ofUrl(String url) {
        byte[] digest = Sha256.of(("url " + url.strip()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, LENGTH / 2);
    }

    /** The id of a JSON record without a URL: the start of the SHA-256 of its bytes, so a record repeated is one article. */
    public static String ofRecord(String sha256Hex) {
        return sha256Hex.substring(0, LENGTH);
    }

}
