package org.junheng.rectification;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junheng.service.testing.Architecture;
import org.junit.jupiter.api.Test;

/** A task's lifecycle and who answers for it decide with plain Java; resources, stores and schedules are edges. */
class LayeringTest {

    static final JavaClasses RECTIFICATION = Architecture.classesOf("org.junheng.rectification");

    @Test
    void theLifecycleAndTheResponsibilitiesArePlainJava() {
        Architecture.domainIsPlainJava(RECTIFICATION,
                new String[] {"..rectification.lifecycle..", "..rectification.responsibility.."},
                new String[] {"..rectification.tasks..", "..rectification.documents..", "..rectification.evidence..",
                        "..rectification.infra..", "..rectification.settings..", "..rectification.schedule.."});
        Architecture.domainIsPlainJava(RECTIFICATION, new String[] {"..rectification.documents.."},
                new String[] {"..rectification.tasks..", "..rectification.infra..", "..rectification.settings.."});
        Architecture.classesArePlainJava(RECTIFICATION, "DeadlineWatch", "FileKind", "Recognition",
                "RectificationPlan", "ResponsibleUnits");
    }

    @Test
    void onlyResourcesSpeakHttp() {
        Architecture.onlyResourcesSpeakHttp(RECTIFICATION);
    }

    @Test
    void packagesAreFreeOfCycles() {
        Architecture.packagesAreFreeOfCycles(RECTIFICATION, "org.junheng.rectification");
    }
}
