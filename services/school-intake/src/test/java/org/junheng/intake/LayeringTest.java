package org.junheng.intake;

import org.junheng.eventsourcing.decider.Refusal;

import org.junheng.eventsourcing.decider.Violation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain decides with plain Java: framework types stay in resources, desks and infra. */
class LayeringTest {

    static final JavaClasses INTAKE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.junheng.intake");

    static final String[] FRAMEWORKS = {"jakarta..", "io.quarkus..", "io.vertx..", "io.smallrye..",
            "org.jboss.resteasy..", "org.eclipse.microprofile.."};

    @Test
    void domainDecisionsUseNoFrameworkTypes() {
        noClasses().that().haveSimpleNameEndingWith("Validator")
                .or().haveSimpleName("School").or().haveSimpleName("StatisticsForm")
                .or().haveSimpleName("CountyFigures").or().haveSimpleName("Attestations")
                .or().haveSimpleName("Refusal").or().haveSimpleName("Violation")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .check(INTAKE);
    }

    @Test
    void theFileParsingUsesNoFrameworkTypes() {
        noClasses().that().resideInAPackage("..importing..")
                .and().doNotHaveSimpleName("ImportResource").and().doNotHaveSimpleName("ImportDesk")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .check(INTAKE);
    }

    @Test
    void onlyResourcesAndInfraSpeakHttp() {
        noClasses().that().haveSimpleNameNotEndingWith("Resource").and().resideOutsideOfPackage("..infra..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..")
                .check(INTAKE);
    }
}
