package org.junheng.notices;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junheng.service.testing.Architecture;
import org.junit.jupiter.api.Test;

/** Which notice goes to whom is decided with plain Java; consumers, streams, webhooks and resources are edges. */
class LayeringTest {

    static final JavaClasses NOTICES = Architecture.classesOf("org.junheng.notices");

    @Test
    void theNoticeRulesArePlainJava() {
        Architecture.domainIsPlainJava(NOTICES, new String[] {"..notices.rules.."},
                new String[] {"..notices.issuing..", "..notices.infra..",
                        "..notices.timeline..", "..notices.webhooks..", "..notices.bulletins..", "..notices.acks..",
                        "..notices.operations..", "..notices.consumers..", "..notices.readmodels.."});
        Architecture.classesArePlainJava(NOTICES, "FindingStory", "TimelineDocument", "AcknowledgementPolicy",
                "BulletinComposer", "ParkedRecordAlerts", "RetryPolicy", "WebhookSignature");
    }

    @Test
    void onlyResourcesSpeakHttp() {
        Architecture.onlyResourcesSpeakHttp(NOTICES);
    }

    @Test
    void packagesAreFreeOfCycles() {
        Architecture.packagesAreFreeOfCycles(NOTICES, "org.junheng.notices");
    }
}
