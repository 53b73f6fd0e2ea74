package org.newsarchive.entity.ner;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a sentence's tags into typed chunks by conlleval's rules, so that our scores are the
 * figures the CoNLL literature quotes. A chunk starts at {@code B-}, at an {@code I-} after
 * {@code O}, or wherever the type changes; this reads IOB1 (CoNLL-2003), IOB2 and IOBES alike.
 * {@code S-} (single) is taken as a chunk of its own, as later versions of conlleval do.
 */
public final class IobChunker {

    private IobChunker() {
    }

    /** True when {@code tag} is {@code O} or a prefix {@code B I E S} + {@code -} + a type. */
    public static boolean isValidTag(String tag) {
        if (tag.equals("O")) {
            return true;
        }
        if (tag.length() < 3 || tag.charAt(1) != '-') {
            return false;
        }
        char prefix = tag.charAt(0);
        return prefix == 'B' || prefix == 'I' || prefix == 'E' || prefix == 'S';
    }

    /** The chunks of one sentence's tags, which must all be valid (see {@link #isValidTag}). */
    public static List<TaggedSpan> chunks(List<String> tags) {
        List<TaggedSpan> chunks = new ArrayList<>();
        char prevTag = 'O';
        String prevType = "";
        int start = -1;
        String openType = null;
        for (int i = 0; i < tags.size(); i++) {
            String full = tags.get(i);
            char tag = full.charAt(0);
            String type = tag == 'O' ? "" : full.substring(2);
            if (openType != null && endOfChunk(prevTag, tag, prevType, type)) {
                chunks.add(new TaggedSpan(start, i, openType));
                openType = null;
            }
            if (startOfChunk(prevTag, tag, prevType, type)) {
                start = i;
                openType = type;
            }
            prevTag = tag;
            prevType = type;
        }
        if (openType != null) {
            chunks.add(new TaggedSpan(start, tags.size(), openType));
        }
        return chunks;
    }

    /** conlleval's endOfChunk, plus S- (a single-token chunk ends where it starts). */
    private static boolean endOfChunk(char prevTag, char tag, String prevType, String type) {
        if (prevTag == 'O') {
            return false;
        }
        if (prevTag == 'S') {
            return true;
        }
        if ((prevTag == 'B' || prevTag == 'I') && (tag == 'B' || tag == 'O' || tag == 'S')) {
            return true;
        }
        if (prevTag == 'E' && (tag == 'E' || tag == 'I' || tag == 'O' || tag == 'B' || tag == 'S')) {
            return true;
        }
        return !prevType.equals(type);
    }

    /** conlleval's startOfChunk, plus S-. */
    private static boolean startOfChunk(char prevTag, char tag, String prevType, String type) {
        if (tag == 'O') {
            return false;
        }
        if (tag == 'B' || tag == 'S') {
            return true;
        }
        if (prevTag == 'O' || prevTag == 'E' || prevTag == 'S') {
            return true;
        }
        return !prevType.equals(type);
    }

    /**
     * IOB2 tags ({@code B-} first, {@code I-} after) for chunks over {@code length} tokens: the
     * form OpenNLP's BIO codec and most tools expect.
     */
    public static List<String> toIob2(List<TaggedSpan> chunks, int length) {
        List<String> tags = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            tags.add("O");
        }
        for (TaggedSpan chunk : chunks) {
            tags.set(chunk.start(), "B-" + chunk.type());
            for (int i = chunk.start() + 1; i < chunk.end(); i++) {
                tags.set(i, "I-" + chunk.type());
            }
        }
        return tags;
    }
}
