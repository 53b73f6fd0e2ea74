package org.newsarchive.entity.ner;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;
import opennlp.tools.util.model.ArtifactSerializer;
import opennlp.tools.util.model.GenericModelSerializer;

/**
 * OpenNLP's name finder factory with a leaner context generator. OpenNLP's default one rebuilds
 * the token class of the current token (with a regular expression) for every hypothesis of the
 * beam and runs a window of sixteen generators over "additional context" we never pass; here
 * the same previous-outcome features are built from values computed once per token, and added
 * generators run only when there is additional context. The features themselves are OpenNLP's
 * ({@code po}, {@code pow}, {@code powf}, {@code ppo}) plus ours.
 *
 * <p>Named in the model's manifest and instantiated by OpenNLP by class name when a model is
 * loaded: keep it public with its public no-argument constructor.
 */
public final class NerNameFinderFactory extends TokenNameFinderFactory {

    public NerNameFinderFactory() {
        // instantiated by OpenNLP when a model is loaded
    }

    public NerNameFinderFactory(byte[] featureGeneratorBytes, Map<String, Object> resources,
            SequenceCodec<String> codec) {
        super(featureGeneratorBytes, resources, codec);
    }

    /**
     * Reads the classifier ({@code nameFinder.model}) with {@link PerceptronModelBytes} rather
     * than OpenNLP's reader, which takes the unbuffered zip stream a value at a time. Writing is
     * OpenNLP's.
     */
    @Override
    public Map<String, ArtifactSerializer<?>> createArtifactSerializersMap() {
        Map<String, ArtifactSerializer<?>> serializers = super.createArtifactSerializersMap();
        serializers.put("model", new ClassifierSerializer());
        return serializers;
    }

    private static final class ClassifierSerializer extends GenericModelSerializer {
        @Override
        public AbstractModel create(InputStream in) throws IOException {
            return PerceptronModelBytes.read(in.readAllBytes());
        }
    }

    @Override
    public NameContextGenerator createContextGenerator() {
        return new ContextGenerator(createFeatureGenerators());
    }

    /** Features of one position for one hypothesis; one instance per name finder. */
    static final class ContextGenerator implements NameContextGenerator {
        private final AdaptiveFeatureGenerator generator;
        private final List<AdaptiveFeatureGenerator> added = new ArrayList<>(1);
        private final ArrayList<String> features = new ArrayList<>(128);
        private Object[] classTokens;
        private String[] tokenClasses;

        ContextGenerator(AdaptiveFeatureGenerator generator) {
            this.generator = generator;
        }

        @Override
        public void addFeatureGenerator(AdaptiveFeatureGenerator featureGenerator) {
            added.add(featureGenerator);
        }

        @Override
        public void updateAdaptiveData(String[] tokens, String[] outcomes) {
            classTokens = null;
            generator.updateAdaptiveData(tokens, outcomes);
            for (AdaptiveFeatureGenerator other : added) {
                other.updateAdaptiveData(tokens, outcomes);
            }
        }

        @Override
        public void clearAdaptiveData() {
            generator.clearAdaptiveData();
            for (AdaptiveFeatureGenerator other : added) {
                other.clearAdaptiveData();
            }
        }

        @Override
        public String[] getContext(int index, String[] tokens, String[] previousOutcomes, Object[] additionalContext) {
            features.clear();
            generator.createFeatures(features, tokens, index, previousOutcomes);
            if (additionalContext != null && additionalContext.length > 0) {
                for (AdaptiveFeatureGenerator other : added) {
                    other.createFeatures(features, tokens, index, previousOutcomes);
                }
            }
            if (classTokens != tokens) {
                tokenClasses = new String[tokens.length];
                classTokens = tokens;
            }
            String tokenClass = tokenClasses[index];
            if (tokenClass == null) {
                tokenClass = FeatureGeneratorUtil.tokenFeature(tokens[index]);
                tokenClasses[index] = tokenClass;
            }
            String po = index > 0 ? previousOutcomes[index - 1] : OutcomeFeatures.NO_OUTCOME;
            String ppo = index > 1 ? previousOutcomes[index - 2] : OutcomeFeatures.NO_OUTCOME;
            features.add(OutcomeFeatures.previous(po));
            features.add(OutcomeFeatures.previousAndWord(po, tokens[index]));
            features.add(OutcomeFeatures.previousAndClass(po, tokenClass));
            features.add(OutcomeFeatures.beforePrevious(ppo));
            return features.toArray(new String[0]);
        }
    }
}
