package org.newsarchive.entity.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.perceptron.PerceptronModel;
import opennlp.tools.util.model.GenericModelSerializer;
import org.junit.jupiter.api.Test;

class PerceptronModelBytesTest {

    private static final String[] OUTCOMES = {"PER-start", "other", "LOC-unit", "ORG-last"};

    /** Features with random outcome sets and awkward weights; some names are not ASCII. */
    private static Context[] weights(int features, long seed) {
        Random random = new Random(seed);
        Context[] contexts = new Context[features];
        for (int f = 0; f < features; f++) {
            int[] outcomes = java.util.stream.IntStream.range(0, OUTCOMES.length)
                    .filter(o -> random.nextInt(3) > 0).toArray();
            double[] values = new double[outcomes.length];
            for (int k = 0; k < values.length; k++) {
                values[k] = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(7) - 3);
            }
            contexts[f] = new Context(outcomes, values);
        }
        return contexts;
    }

    private static String[] names(int features) {
        String[] names = new String[features];
        for (int f = 0; f < features; f++) {
            names[f] = switch (f % 50) {
                case 7 -> "w=Zürich\u4e2d" + f;
                case 8 -> "nul\u0000" + f;
                case 9 -> "w=\uD83D\uDE00" + f;
                default -> "f" + f;
            };
        }
        return names;
    }

    private static byte[] written(AbstractModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GenericModelSerializer().serialize(model, out);
        return out.toByteArray();
    }

    private static AbstractModel readByOpenNlp(byte[] bytes) throws IOException {
        return new GenericModelSerializer().create(new ByteArrayInputStream(bytes));
    }

    /** Same outcomes, same features, each with the same outcomes and the same weights, bit for bit. */
    private static void assertSameModel(AbstractModel expected, AbstractModel actual) {
        Object[] want = expected.getDataStructures();
        Object[] got = actual.getDataStructures();
        assertArrayEquals((String[]) want[2], (String[]) got[2], "outcomes");
        @SuppressWarnings("unchecked")
        Map<String, Context> wanted = (Map<String, Context>) want[1];
        @SuppressWarnings("unchecked")
        Map<String, Context> gotten = (Map<String, Context>) got[1];
        assertEquals(wanted.keySet(), gotten.keySet(), "features");
        for (Map.Entry<String, Context> entry : wanted.entrySet()) {
            Context other = gotten.get(entry.getKey());
            assertArrayEquals(entry.getValue().getOutcomes(), other.getOutcomes(), entry.getKey());
            assertArrayEquals(bits(entry.getValue().getParameters()), bits(other.getParameters()), entry.getKey());
        }
        assertEquals(expected, actual);
    }

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    /** Our reading of {@code bytes}, after checking that it is OpenNLP's, of class {@code kind}. */
    private static AbstractModel assertReadAsOpenNlpDoes(byte[] bytes, Class<? extends AbstractModel> kind)
            throws IOException {
        AbstractModel ours = PerceptronModelBytes.read(bytes);
        assertInstanceOf(kind, ours);
        assertSameModel(readByOpenNlp(bytes), ours);
        return ours;
    }

    @Test
    void readsAPerceptronAsOpenNlpDoes() throws IOException {
        assertReadAsOpenNlpDoes(written(new PerceptronModel(weights(3_000, 7), names(3_000), OUTCOMES)),
                PerceptronModel.class);
    }

    @Test
    void readsTheShippedModelsClassifierAsOpenNlpDoes() throws IOException {
        byte[] bytes = null;
        try (InputStream in = getClass().getResourceAsStream(OpenNlpMentionRecognizer.DEFAULT_MODEL);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("nameFinder.model")) {
                    bytes = zip.readAllBytes();
                }
            }
        }
        assertNotNull(bytes, "the shipped model has a classifier");
        AbstractModel ours = assertReadAsOpenNlpDoes(bytes, PerceptronModel.class);
        assertTrue(((Map<?, ?>) ours.getDataStructures()[1]).size() > 10_000, "a real model's features");
    }

    @Test
    void leavesOtherClassifiersToOpenNlp() throws IOException {
        assertReadAsOpenNlpDoes(written(new GISModel(weights(200, 11), names(200), OUTCOMES)), GISModel.class);
    }

    @Test
    void aTruncatedClassifierIsAnIoErrorSayingSo() throws IOException {
        byte[] bytes = written(new PerceptronModel(weights(500, 3), names(500), OUTCOMES));
        for (int length : new int[] {1, 20, bytes.length / 2, bytes.length - 1}) {
            IOException e = assertThrows(IOException.class,
                    () -> PerceptronModelBytes.read(Arrays.copyOf(bytes, length)), "cut at " + length);
            assertNotNull(e.getMessage());
        }
    }
}
