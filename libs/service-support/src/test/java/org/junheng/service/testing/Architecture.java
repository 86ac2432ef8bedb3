package org.junheng.service.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layering every service keeps, as ArchUnit rules its {@code LayeringTest} applies to its own packages: domain
 * packages decide with plain Java and know no adapter; only resources (and a service's infra) speak HTTP; packages
 * depend on each other without cycles.
 */
public final class Architecture {

    /** Framework packages domain code never touches. */
    public static final String[] FRAMEWORKS = {"jakarta..", "io.quarkus..", "io.vertx..", "io.smallrye..",
            "org.jboss.resteasy..", "org.eclipse.microprofile..", "org.apache.kafka.."};

    private Architecture() {
    }

    public static JavaClasses classesOf(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /** The domain packages ({@code ..lifecycle..}) use no framework type and no adapter package of the service. */
    public static void domainIsPlainJava(JavaClasses classes, String[] domainPackages, String[] adapterPackages) {
        noClasses().that().resideInAnyPackage(domainPackages)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("domain rules decide with plain Java")
                .check(classes);
        if (adapterPackages.length > 0) {
            noClasses().that().resideInAnyPackage(domainPackages)
                    .should().dependOnClassesThat().resideInAnyPackage(adapterPackages)
                    .because("adapters call the domain, never the other way")
                    .check(classes);
        }
    }

    /** Domain classes that share a package with adapters, by name: plain Java too. */
    public static void classesArePlainJava(JavaClasses classes, String... simpleNames) {
        var rule = noClasses().that().haveSimpleName(simpleNames[0]);
        for (int i = 1; i < simpleNames.length; i++) {
            rule = rule.or().haveSimpleName(simpleNames[i]);
        }
        rule.should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS).because("domain rules decide with plain Java")
                .check(classes);
    }

    /** Only REST resources, and the service's infra, use JAX-RS and RESTEasy types. */
    public static void onlyResourcesSpeakHttp(JavaClasses classes, String... alsoAllowed) {
        var rule = noClasses().that().haveSimpleNameNotEndingWith("Resource").and().resideOutsideOfPackage("..infra..");
        for (String name : alsoAllowed) {
            rule = rule.and().doNotHaveSimpleName(name);
        }
        rule.should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..")
                .because("HTTP stays at the edge")
                .check(classes);
    }

    /** The service's packages ({@code org.junheng.x.(*)..}) depend on each other without cycles. */
    public static void packagesAreFreeOfCycles(JavaClasses classes, String rootPackage) {
        slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
