package org.newsarchive.entity.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordFeatureCacheTest {

    private final List<String> built = new ArrayList<>();

    private WordFeatures build(String token) {
        built.add(token);
        return WordFeatures.of(token, null, 0, -1);
    }

    @Test
    void buildsEachWordOnceWhileItFits() {
        WordFeatureCache cache = new WordFeatureCache(3, this::build);
        WordFeatures paris = cache.get("Paris");
        assertSame(paris, cache.get(new String("Paris".toCharArray())), "equal strings are one word");
        assertNotSame(paris, cache.get("paris"), "case counts");
        assertEquals("Paris", paris.token());
        assertEquals("paris", cache.get("paris").lower());
        assertEquals(List.of("Paris", "paris"), built);
        assertEquals(2, cache.size());
    }

    @Test
    void startsAgainEmptyWhenFull() {
        WordFeatureCache cache = new WordFeatureCache(2, this::build);
        WordFeatures a = cache.get("a");
        cache.get("b");
        assertEquals(2, cache.size());
        WordFeatures c = cache.get("c");
        assertEquals(1, cache.size(), "cleared, then c added");
        assertEquals("c", c.token());
        WordFeatures again = cache.get("a");
        assertNotSame(a, again, "rebuilt after the clear");
        assertEquals("a", again.token());
        assertEquals(List.of("a", "b", "c", "a"), built);
    }

    @Test
    void refusesAnEmptyCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new WordFeatureCache(0, this::build));
    }
}
