package org.newsarchive.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.apache.lucene.util.Version;
import org.newsarchive.schema.ArticleSchema;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: our version, the Lucene version and the index schema version. */
final class VersionProvider implements IVersionProvider {

    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/org/newsarchive/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "newsarchive " + version(),
            "Lucene " + Version.LATEST + ", index schema " + ArticleSchema.VERSION,
        };
    }
}
