package org.cticache;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.servlet.ServletContext;

/**
 * Dependencies point one way: the HTTP edge, the store and the configuration around a core that knows none of
 * them, each library reached from one package, and the object graph built in one place. No rule has exceptions.
 */
@AnalyzeClasses(packages = "org.cticache", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] HTTP = {"jakarta.ws.rs..", "jakarta.servlet..", "org.glassfish.jersey.."};

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.cticache.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("wiring").definedBy("org.cticache.app..")
            .layer("configuration").definedBy("org.cticache.config..")
            .layer("HTTP edge").definedBy("org.cticache.api..", "org.cticache.errors..", "org.cticache.security..",
                    "org.cticache.pages..")
            .layer("wire formats").definedBy("org.cticache.wire..")
            .layer("metrics").definedBy("org.cticache.metrics..")
            .layer("audit").definedBy("org.cticache.audit..")
            .layer("storage").definedBy("org.cticache.store..", "org.cticache.crypto..")
            .layer("core").definedBy("org.cticache.core..")
            .whereLayer("wiring").mayNotBeAccessedByAnyLayer()
            .whereLayer("configuration").mayOnlyBeAccessedByLayers("wiring")
            .whereLayer("HTTP edge").mayOnlyBeAccessedByLayers("wiring")
            .whereLayer("wire formats").mayOnlyBeAccessedByLayers("HTTP edge")
            .whereLayer("metrics").mayOnlyBeAccessedByLayers("wiring", "HTTP edge")
            .whereLayer("audit").mayOnlyBeAccessedByLayers("wiring", "HTTP edge", "metrics")
            // The configuration parses into the store's options; metrics time the store's calls.
            .whereLayer("storage").mayOnlyBeAccessedByLayers("wiring", "configuration", "metrics");

    @ArchTest
    static final ArchRule coreKnowsOnlyTheJdkAndPhoneNumbers = classes().that().resideInAPackage("org.cticache.core..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("org.cticache.core..", "java..", "com.google.i18n.phonenumbers..")
            .because("no JAX-RS, Servlet, Jedis, Micrometer or Jackson in the domain");

    @ArchTest
    static final ArchRule onlyTheStoreTalksToRedis = noClasses().that().resideOutsideOfPackage("org.cticache.store..")
            .should().dependOnClassesThat().resideInAnyPackage("redis.clients..", "org.apache.commons.pool2..");

    @ArchTest
    static final ArchRule onlyMetricsUsesMicrometer = noClasses().that()
            .resideOutsideOfPackage("org.cticache.metrics..")
            .should().dependOnClassesThat().resideInAPackage("io.micrometer..");

    @ArchTest
    static final ArchRule onlyTheHttpEdgeAndTheWiringSpeakHttp = noClasses().that()
            .resideOutsideOfPackages("org.cticache.api..", "org.cticache.errors..", "org.cticache.security..",
                    "org.cticache.pages..", "org.cticache.app..")
            .should().dependOnClassesThat().resideInAnyPackage(HTTP);

    @ArchTest
    static final ArchRule oneJacksonSetup = noClasses().that().resideOutsideOfPackage("org.cticache.wire..")
            .should().dependOnClassesThat().belongToAnyOf(JsonFactoryBuilder.class, JsonMapper.Builder.class)
            .orShould().callConstructor(ObjectMapper.class)
            .because("every JSON cticache reads or writes goes through org.cticache.wire.Json");

    @ArchTest
    static final ArchRule noServiceLocator = noClasses().should()
            .callMethod(ServletContext.class, "getAttribute", String.class)
            .orShould().callMethod(ServletContext.class, "setAttribute", String.class, Object.class)
            .because("the listener hands each component what it needs when it registers it");
}
