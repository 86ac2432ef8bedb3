package org.junheng.evaluation;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junheng.service.testing.Architecture;
import org.junit.jupiter.api.Test;

/** The standard and the engine decide with plain Java; resources, consumers and runners sit at the edges. */
class LayeringTest {

    static final JavaClasses EVALUATION = Architecture.classesOf("org.junheng.evaluation");

    @Test
    void theStandardAndTheEngineArePlainJava() {
        Architecture.domainIsPlainJava(EVALUATION, new String[] {"..evaluation.standard..", "..evaluation.engine.."},
                new String[] {"..evaluation.findings..", "..evaluation.infra..", "..evaluation.inputs..",
                        "..evaluation.ledger..", "..evaluation.runs..", "..evaluation.settings..",
                        "..evaluation.simulation.."});
    }

    @Test
    void onlyResourcesSpeakHttp() {
        Architecture.onlyResourcesSpeakHttp(EVALUATION);
    }

    @Test
    void packagesAreFreeOfCycles() {
        Architecture.packagesAreFreeOfCycles(EVALUATION, "org.junheng.evaluation");
    }
}
