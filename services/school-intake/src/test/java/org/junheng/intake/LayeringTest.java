package org.junheng.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;
import org.junit.jupiter.api.Test;

/** The domain decides with plain Java: framework types stay in resources, desks and infra. */
class LayeringTest {

    static final JavaClasses INTAKE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.junheng.intake");

    static final String[] FRAMEWORKS = org.junheng.service.testing.Architecture.FRAMEWORKS;

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
        org.junheng.service.testing.Architecture.onlyResourcesSpeakHttp(INTAKE);
    }

    @Test
    void packagesAreFreeOfCycles() {
        org.junheng.service.testing.Architecture.packagesAreFreeOfCycles(INTAKE, "org.junheng.intake");
    }
}
