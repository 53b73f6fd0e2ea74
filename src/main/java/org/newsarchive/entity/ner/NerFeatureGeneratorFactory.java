package org.newsarchive.entity.ner;

import java.util.Map;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;
import opennlp.tools.util.model.ArtifactSerializer;

/**
 * Lets the model's feature descriptor (XML stored in the model file) name our generator:
 * {@code <generator class="org.newsarchive.entity.ner.NerFeatureGeneratorFactory">} with a
 * {@code features} list and the name of the {@link NerLexicon} artifact stored beside it. OpenNLP
 * instantiates this class by name when a model is loaded, so it must stay public with a public
 * no-argument constructor.
 */
public final class NerFeatureGeneratorFactory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

    /** Name of the lexicon artifact inside the model file. */
    public static final String LEXICON_ARTIFACT = "ner.lexicon";

    public NerFeatureGeneratorFactory() {
        // instantiated by OpenNLP by class name
    }

    @Override
    public AdaptiveFeatureGenerator create() throws InvalidFormatException {
        String lexiconName = getStr("lexicon", "");
        NerLexicon lexicon = NerLexicon.empty();
        if (!lexiconName.isEmpty()) {
            Object resource = resourceManager == null ? null : resourceManager.getResource(lexiconName);
            if (!(resource instanceof NerLexicon found)) {
                throw new InvalidFormatException("no NER lexicon named " + lexiconName + " in the model");
            }
            lexicon = found;
        }
        try {
            return new NerFeatureGenerator(lexicon, NerFeatureGenerator.Group.parse(getStr("features")));
        } catch (IllegalArgumentException e) {
            throw new InvalidFormatException("bad feature list: " + e.getMessage());
        }
    }

    @Override
    public Map<String, ArtifactSerializer<?>> getArtifactSerializerMapping() throws InvalidFormatException {
        String lexiconName = getStr("lexicon", "");
        return lexiconName.isEmpty() ? Map.of() : Map.of(lexiconName, new NerLexicon.Serializer());
    }
}
