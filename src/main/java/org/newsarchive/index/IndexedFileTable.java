package org.newsarchive.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@link IndexedFiles} held in memory: for a store whose lookups cost a round trip each (a
 * SolrCloud collection), which reads back every article's id, path, size, time and hash once, at
 * the start of a run, and what its last commit recorded. Each article costs about 190 bytes of
 * heap (its id, its hash as bytes, a row), and each file its path once: measured, 193 bytes an
 * article for the records of one JSON lines file, 378 for articles of a file each (paths of 75
 * characters). A run over a million articles needs 200 to 400 MB for it.
 *
 * <p>Immutable once built, so thread-safe.
 */
public final class IndexedFileTable implements IndexedFiles {

    static final IndexedFileTable EMPTY = new Builder().build();

    /** One article: its file (the path instance shared by every article of the file), size, time and hash. */
    private record Row(String path, long size, long modified, Object sha256) {
        String hash() {
            return sha256 instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : (String) sha256;
        }
    }

    private final Map<String, String> commitData;
    private final Map<String, Row> byId;
    private final NavigableMap<String, List<String>> idsByPath;

    private IndexedFileTable(Builder builder) {
        this.commitData = Map.copyOf(builder.commitData);
        this.byId = builder.byId;
        this.idsByPath = builder.idsByPath;
    }

    /** A table to fill. */
    public static Builder builder() {
        return new Builder();
    }

    /** Fills a table; not thread-safe, and not to be used after {@link #build}. */
    public static final class Builder {
        private Map<String, String> commitData = Map.of();
        private final Map<String, Row> byId = new HashMap<>();
        private final NavigableMap<String, List<String>> idsByPath = new TreeMap<>();

        private Builder() {
        }

        /** What the archive's last commit recorded (the keys of {@code ArticleSchema.COMMIT_*}). */
        public Builder commitData(Map<String, String> data) {
            this.commitData = new LinkedHashMap<>(data);
            return this;
        }

        /**
         * An article of the archive. A second row with the same id replaces the first (an
         * archive has one article per id).
         *
         * @param sha256 the SHA-256 of the article's bytes, in hex as documents store it
         */
        public Builder add(String id, String path, long size, long modifiedMillis, String sha256) {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(path, "path");
            Map.Entry<String, List<String>> file = idsByPath.floorEntry(path);
            if (file == null || !file.getKey().equals(path)) {
                idsByPath.put(path, new ArrayList<>(1));
                file = idsByPath.floorEntry(path);
            }
            Row old = byId.put(id, new Row(file.getKey(), size, modifiedMillis, compact(sha256)));
            if (old != null) {
                List<String> ids = idsByPath.get(old.path());
                ids.remove(id);
                if (ids.isEmpty() && !old.path().equals(path)) {
                    idsByPath.remove(old.path());
                }
            }
            file.getValue().add(id);
            return this;
        }

        public IndexedFileTable build() {
            return new IndexedFileTable(this);
        }

        private static Object compact(String sha256) {
            if (sha256 != null && sha256.length() == 64) {
                try {
                    return HexFormat.of().parseHex(sha256);
                } catch (IllegalArgumentException e) {
                    // not hex: kept as it is
                }
            }
            return sha256 == null ? "" : sha256;
        }
    }

    /** Articles in the table. */
    public int size() {
        return byId.size();
    }

    @Override
    public boolean isEmpty() {
        return commitData.isEmpty() && byId.isEmpty();
    }

    @Override
    public Map<String, String> commitData() {
        return commitData;
    }

    @Override
    public Indexed findByPath(String path) {
        List<String> ids = idsByPath.get(path);
        if (ids == null || ids.isEmpty()) {
            return null;
        }
        String id = ids.get(0);
        Row row = byId.get(id);
        return new Indexed(id, row.size(), row.modified());
    }

    @Override
    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    @Override
    public Source source(String id) {
        Row row = byId.get(id);
        return row == null ? null : new Source(row.path(), row.hash());
    }

    @Override
    public List<String> idsWithPath(String path) {
        List<String> ids = idsByPath.get(path);
        return ids == null ? List.of() : List.copyOf(ids);
    }

    @Override
    public Map<String, Long> pathsStartingWith(String prefix) {
        Map<String, Long> paths = new TreeMap<>();
        for (Map.Entry<String, List<String>> file : idsByPath.tailMap(prefix, true).entrySet()) {
            if (!file.getKey().startsWith(prefix)) {
                break;
            }
            if (!file.getValue().isEmpty()) {
                paths.put(file.getKey(), (long) file.getValue().size());
            }
        }
        return paths;
    }
}
