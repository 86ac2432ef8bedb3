package org.junheng.notices.pipeline;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junheng.contracts.notices.AudienceKind;
import org.junheng.contracts.notices.NoticeEvent.NoticeIssued;
import org.junheng.infra.JunhengInfraTestResource;
import org.junheng.notices.acks.AcknowledgementFollowUp;
import org.junit.jupiter.api.Test;

/** An unacknowledged important notice is reminded once, then escalated once; an acknowledged one is left alone. */
@QuarkusTest
@QuarkusTestResource(value = JunhengInfraTestResource.class, restrictToAnnotatedClass = false)
class AcknowledgementFollowUpTest {

    static final String DISTRICT = "500144";

    @Inject
    AcknowledgementFollowUp followUp;

    @Test
    void remindedThenEscalatedOnceEach() {
        String ignored = issue("CRITICAL", "请立即核查校车安全隐患");
        String acknowledged = issue("WARNING", "请报送整改台账");
        await().atMost(Duration.ofSeconds(10)).until(() -> given().get("/api/v1/notices?district=" + DISTRICT)
                .jsonPath().getList("$").size() == 2);
        given().contentType("application/json").body("{}").post("/api/v1/notices/" + acknowledged + "/ack").then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> given().get("/api/v1/notices?district=" + DISTRICT)
                .jsonPath().getList("findAll { it.acknowledgedAt != null }").size() == 1);

        List<NoticeIssued> sent = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            followUp.runOnce().stream().filter(n -> n.districtCode().equals(DISTRICT)).forEach(sent::add);
            return sent.size() >= 2;
        });
        for (int i = 0; i < 5; i++) {
            followUp.runOnce().stream().filter(n -> n.districtCode().equals(DISTRICT)).forEach(sent::add);
        }
        assertEquals(2, sent.size(), sent.toString());
        assertTrue(sent.get(0).title().startsWith("【请签收】"));
        assertEquals(AudienceKind.DEPARTMENT, sent.get(0).audience().kind());
        assertTrue(sent.get(1).title().startsWith("【逾期未签收】"));
        assertEquals(AudienceKind.SUPERVISION_OFFICE, sent.get(1).audience().kind());
        assertTrue(sent.stream().allMatch(n -> n.body().contains("校车")), "only the unacknowledged one");
        await().atMost(Duration.ofSeconds(10)).until(() -> given().get("/api/v1/notices?district=" + DISTRICT)
                .jsonPath().getList("$").size() == 4);
        assertTrue(ignored != null);
    }

    private static String issue(String severity, String body) {
        return given().contentType("application/json").body("{\"district\": \"" + DISTRICT + "\", \"audience\":"
                        + " {\"kind\": \"DEPARTMENT\", \"code\": \"ga\"}, \"kind\": \"SUPERVISION_ORDER\", \"severity\": \""
                        + severity + "\", \"title\": \"督办通知\", \"body\": \"" + body + "\"}")
                .post("/api/v1/notices").then().statusCode(200).extract().jsonPath().getString("noticeId");
    }
}
