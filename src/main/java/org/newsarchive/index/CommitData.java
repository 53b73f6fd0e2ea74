package org.newsarchive.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsarchive.entity.EntityExtractor;
import org.newsarchive.schema.ArticleSchema;

/**
 * What each commit of a run records beside the articles, in the same atomic step: the schema's
 * own data, the entity model that wrote the documents, the roots runs were given (for
 * {@code reindex} and {@code check}), the states of the files of many records, and the field map
 * JSON records were read with. Made afresh at each commit, since the states change as the run
 * goes.
 */
final class CommitData {

    private final IndexedFiles before;
    private final boolean rebuild;
    private final List<Path> roots;
    private final EntityExtractor entities;
    private final RecordFileStates states;
    private final String fieldMap;

    /**
     * @param roots    this run's roots
     * @param fieldMap the field map in use (given, or as recorded before), as its spec; empty for the default
     */
    CommitData(IndexedFiles before, boolean rebuild, List<Path> roots, EntityExtractor entities,
            RecordFileStates states, String fieldMap) {
        this.before = before;
        this.rebuild = rebuild;
        this.roots = List.copyOf(roots);
        this.entities = entities;
        this.states = states;
        this.fieldMap = fieldMap;
    }

    /** The data of a commit made now. */
    Map<String, String> now() throws IOException {
        Map<String, String> data = new HashMap<>(ArticleSchema.commitData());
        data.put(ArticleSchema.COMMIT_ENTITY_MODEL, entityModels());
        data.put(ArticleSchema.COMMIT_ROOTS, String.join("\n", recordedRoots()));
        String encoded = states.encoded();
        if (!encoded.isEmpty()) {
            data.put(RecordFileState.COMMIT_KEY, encoded);
        }
        if (!fieldMap.isEmpty()) {
            data.put(ArticleSchema.COMMIT_FIELD_MAP, fieldMap);
        }
        return data;
    }

    /**
     * Whether a commit now would record something the last one did not, without a changed
     * article: new roots, a file's new state, another field map. The entity model is left out:
     * it says what wrote the documents, and only a written document changes that.
     */
    boolean changed() throws IOException {
        Map<String, String> now = new HashMap<>(now());
        Map<String, String> then = new HashMap<>(before.commitData());
        now.remove(ArticleSchema.COMMIT_ENTITY_MODEL);
        then.remove(ArticleSchema.COMMIT_ENTITY_MODEL);
        return !now.equals(then);
    }

    /**
     * The entity models whose entities the index holds, comma-separated: this run's, after those
     * of earlier runs when this one adds to them (a rebuild records only its own), so that an
     * index built partly with an older model keeps saying so until it is rebuilt.
     */
    private String entityModels() throws IOException {
        Set<String> models = new LinkedHashSet<>();
        String previous = rebuild || before.isEmpty() ? null : before.commitData().get(ArticleSchema.COMMIT_ENTITY_MODEL);
        if (previous != null && !previous.isBlank()) {
            models.addAll(List.of(previous.split(",")));
        }
        models.remove(entities.version());
        models.add(entities.version());
        return String.join(",", models);
    }

    /** The roots of earlier runs plus this run's (a rebuild records only its own). */
    private Set<String> recordedRoots() throws IOException {
        Set<String> all = new LinkedHashSet<>();
        if (!rebuild) {
            String previous = before.commitData().get(ArticleSchema.COMMIT_ROOTS);
            if (previous != null && !previous.isBlank()) {
                all.addAll(List.of(previous.split("\n")));
            }
        }
        for (Path root : roots) {
            all.add(ChangeDecision.realOrAbsolute(root).toString());
        }
        return all;
    }
}
