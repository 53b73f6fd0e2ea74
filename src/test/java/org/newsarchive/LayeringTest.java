package org.newsarchive;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of README.md's code layout, checked on the compiled main classes. */
class LayeringTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.newsarchive");
    }

    @Test
    void queryNeverUsesIngestOrIndex() {
        noClasses().that().resideInAPackage("org.newsarchive.query..")
                .should().dependOnClassesThat().resideInAnyPackage("org.newsarchive.ingest..", "org.newsarchive.index..")
                .check(main);
    }

    @Test
    void ingestUsesTheJdkAndJacksonOnly() {
        classes().that().resideInAPackage("org.newsarchive.ingest..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "com.fasterxml.jackson..",
                        "org.newsarchive.ingest..")
                .check(main);
    }

    @Test
    void theCoreNeverUsesTheCommandLineOrTheServer() {
        noClasses().that().resideInAnyPackage("org.newsarchive.ingest..", "org.newsarchive.entity..",
                        "org.newsarchive.schema..", "org.newsarchive.index..", "org.newsarchive.query..",
                        "org.newsarchive.json..")
                .should().dependOnClassesThat().resideInAnyPackage("org.newsarchive.cli..", "org.newsarchive.server..")
                .check(main);
    }

    @Test
    void entitiesNeverUseTheIndex() {
        noClasses().that().resideInAPackage("org.newsarchive.entity..")
                .should().dependOnClassesThat().resideInAPackage("org.newsarchive.index..")
                .check(main);
    }

    /** The server serves a SolrCloud collection as any archive it is given: a local serve loads no Solr class. */
    @Test
    void theServerNamesNoSolrClass() {
        noClasses().that().resideInAPackage("org.newsarchive.server..")
                .should().dependOnClassesThat().resideInAnyPackage("org.newsarchive.solr..", "org.apache.solr..")
                .check(main);
    }

    @Test
    void theCoreNeverUsesSolr() {
        noClasses().that().resideInAnyPackage("org.newsarchive.ingest..", "org.newsarchive.entity..",
                        "org.newsarchive.schema..", "org.newsarchive.index..", "org.newsarchive.query..")
                .should().dependOnClassesThat().resideInAnyPackage("org.newsarchive.solr..", "org.apache.solr..")
                .check(main);
    }

    @Test
    void onlyTheCommandLineAndTheServerUseTheSolrBackEnd() {
        noClasses().that().resideOutsideOfPackages("org.newsarchive.solr..", "org.newsarchive.cli..",
                        "org.newsarchive.server..")
                .should().dependOnClassesThat().resideInAPackage("org.newsarchive.solr..")
                .check(main);
    }

    @Test
    void theServerAndTheCommandLineDoNotUseEachOther() {
        noClasses().that().resideInAPackage("org.newsarchive.server..")
                .should().dependOnClassesThat().resideInAPackage("org.newsarchive.cli..")
                .check(main);
    }
}
