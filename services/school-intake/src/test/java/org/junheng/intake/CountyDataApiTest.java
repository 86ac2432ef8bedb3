package org.junheng.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junheng.intake.IntakeFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junheng.contracts.CloudEventHeaders;
import org.junheng.contracts.Topics;
import org.junheng.infra.DevTokens;
import org.junheng.infra.JunhengInfraTestResource;
import org.junit.jupiter.api.Test;

/** County figures from departments and supervisors' attestations. */
@QuarkusTest
@QuarkusTestResource(value = JunhengInfraTestResource.class, restrictToAnnotatedClass = false)
class CountyDataApiTest {

    static final String DISTRICT = "500196";
    static final String PAY = "/api/v1/districts/" + DISTRICT + "/periods/2024/county-figures/TEACHER_PAY";
    static final String OWNERSHIP_DISTRICT = "500197";
    static final Map<String, String> FINANCE = Map.of("code", "czj", "name", "区财政局");

    @Test
    void aDepartmentSubmitsAndReplacesAFigureSetWithIfMatch() {
        String first = json(Map.of("department", FINANCE, "values", List.of(
                Map.of("key", "teacherAveragePay", "value", 126500),
                Map.of("key", "civilServantAveragePay", "value", 124800))));
        given().contentType(ContentType.JSON).body(first).put(PAY).then().statusCode(201).header("ETag", "\"1\"")
                .body("kindLabel", equalTo("教师与公务员平均工资收入"));
        given().contentType(ContentType.JSON).body(first).put(PAY).then().statusCode(428);
        String second = first.replace("126500", "127900");
        given().contentType(ContentType.JSON).body(second).header("If-Match", "\"1\"").put(PAY)
                .then().statusCode(200).header("ETag", "\"2\"");
        given().contentType(ContentType.JSON).body(second).header("If-Match", "\"1\"").put(PAY).then().statusCode(412);
        given().get(PAY).then().statusCode(200).body("values.find { it.key == 'teacherAveragePay' }.value", equalTo(127900));

        var records = IntakeApiTest.consume(Topics.SCHOOL_DATA, r -> r.key().equals(DISTRICT + "/county")
                && IntakeApiTest.header(r, CloudEventHeaders.TYPE).endsWith("CountyFiguresSubmitted.v1"), 2);
        assertEquals(2, records.size());
    }

    @Test
    void unknownKeysMissingValuesAndImpossibleFractionsAreNamed() {
        String body = json(Map.of("department", FINANCE, "values", List.of(
                Map.of("key", "teacherAveragePay", "value", -5),
                Map.of("key", "bonus", "value", 1))));
        given().contentType(ContentType.JSON).body(body).put(PAY).then().statusCode(400)
                .body("errors.field", hasItem("values[0].value"))
                .body("errors.field", hasItem("values[1].key"))
                .body("errors.value", hasItem("civilServantAveragePay"));
        String survey = json(Map.of("department", Map.of("code", "jw", "name", "区教委"), "values", List.of(
                Map.of("key", "respondents", "value", 3200), Map.of("key", "satisfaction", "value", 92))));
        given().contentType(ContentType.JSON).body(survey)
                .put("/api/v1/districts/{d}/periods/2024/county-figures/satisfaction-survey", DISTRICT)
                .then().statusCode(400).body("errors[0].field", equalTo("values[1].value"));
        given().contentType(ContentType.JSON).body(survey)
                .put("/api/v1/districts/{d}/periods/2024/county-figures/NO_SUCH_SET", DISTRICT)
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
    }

    @Test
    void aSupervisorRecordsAJudgmentWithHashedEvidence() {
        String path = "/api/v1/districts/" + DISTRICT + "/periods/2024/attestations/EQ6";
        Map<String, Object> judgment = Map.of(
                "subject", Map.of("level", "SCHOOL", "schoolCode", "2150202506", "schoolName", "重庆市大渡口区实验小学"),
                "verdict", "MET", "grade", "GOOD",
                "evidence", List.of(Map.of("name", "德育工作自评报告.pdf",
                        "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        "location", "evidence/500104/2024/eq6-2150202506.pdf")),
                "supervisor", Map.of("id", "wang.min", "name", "王敏"),
                "assessedOn", "2024-11-12");
        given().contentType(ContentType.JSON).body(json(judgment)).post(path).then().statusCode(201)
                .body("indicator", equalTo("EQ6"));
        given().get(path).then().statusCode(200).body("$", hasSize(1)).body("[0].payload.grade", equalTo("GOOD"));

        String badHash = json(judgment).replace("9f86d081", "XYZ");
        given().contentType(ContentType.JSON).body(badHash).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("evidence[0].sha256"));
        given().contentType(ContentType.JSON).body(json(judgment))
                .post("/api/v1/districts/{d}/periods/2024/attestations/RA1", DISTRICT)
                .then().statusCode(400).body("errors[0].field", equalTo("indicator"));
        var records = IntakeApiTest.consume(Topics.SCHOOL_DATA, r -> r.key().equals(DISTRICT + "/2150202506"), 1);
        assertEquals("org.junheng.school-data.AttestationRecorded.v1",
                new String(records.get(0).headers().lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8));
    }

    /** A zero base (no teacher eligible for rotation) is declared not applicable with evidence; nothing else is. */
    @Test
    void theOfficeDeclaresAZeroBaseNotApplicableAndOnlyForTheFourItemsThatMayHaveOne() {
        Map<String, Object> declaration = Map.of(
                "subject", Map.of("level", "COUNTY"),
                "verdict", "NOT_APPLICABLE",
                "evidence", List.of(Map.of("name", "区人社局关于无符合交流条件教师的说明.pdf",
                        "sha256", "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                        "location", "档案 2024-017")),
                "supervisor", Map.of("id", "wang.min", "name", "王敏"),
                "assessedOn", "2024-11-12");
        given().contentType(ContentType.JSON).body(json(declaration))
                .post("/api/v1/districts/{d}/periods/2024/attestations/GG11", DISTRICT).then().statusCode(201)
                .body("verdict", equalTo("NOT_APPLICABLE"));
        given().contentType(ContentType.JSON).body(json(declaration).replace("NOT_APPLICABLE", "MET"))
                .post("/api/v1/districts/{d}/periods/2024/attestations/GG11", DISTRICT).then().statusCode(400)
                .body("errors[0].field", equalTo("verdict"));
        given().contentType(ContentType.JSON).body(json(declaration))
                .post("/api/v1/districts/{d}/periods/2024/attestations/GG1", DISTRICT).then().statusCode(400)
                .body("errors[0].field", equalTo("verdict"));
        given().get("/api/v1/attested-indicators").then().statusCode(200)
                .body("find { it.indicator == 'GG11' }.verdicts", equalTo(List.of("NOT_APPLICABLE")))
                .body("find { it.indicator == 'GG1' }.verdicts", equalTo(List.of("MET", "UNMET")));
    }

    @Test
    void aDepartmentSubmitsOnlyInItsOwnNameAndOnlyTheOwnerReplacesASet() {
        String rotation = "/api/v1/districts/" + OWNERSHIP_DISTRICT + "/periods/2024/county-figures/TEACHER_ROTATION";
        String asRs = json(Map.of("department", Map.of("code", "rs", "name", "区人力社保局"), "values", List.of(
                Map.of("key", "eligibleTeachers", "value", 1200), Map.of("key", "rotatedTeachers", "value", 150),
                Map.of("key", "rotatedKeyTeachers", "value", 40))));
        String asCz = asRs.replace("\"rs\"", "\"cz\"").replace("区人力社保局", "区财政局");
        // 区财政局 cannot submit in 区人力社保局's name
        given().header("Authorization", "Bearer " + as("department", "cz")).contentType(ContentType.JSON).body(asRs).put(rotation)
                .then().statusCode(403).body("detail", org.hamcrest.Matchers.containsString("department.code"));
        given().header("Authorization", "Bearer " + as("department", "rs")).contentType(ContentType.JSON).body(asRs).put(rotation)
                .then().statusCode(201).body("department.code", equalTo("rs"));
        // the set is 区人力社保局's now: 区财政局 may not replace it, the supervision office may
        given().header("Authorization", "Bearer " + as("department", "cz")).contentType(ContentType.JSON).body(asCz)
                .header("If-Match", "\"1\"").put(rotation).then().statusCode(403);
        given().header("Authorization", "Bearer " + as("supervisor", null)).contentType(ContentType.JSON).body(asCz)
                .header("If-Match", "\"1\"").put(rotation).then().statusCode(200).body("department.code", equalTo("cz"));
        given().header("Authorization", "Bearer " + as("department", "rs")).contentType(ContentType.JSON).body(asRs)
                .header("If-Match", "\"2\"").put(rotation).then().statusCode(403);
        // reads: the district's departments, office and leaders; not schools, not another district
        for (String reader : List.of(as("department", "rs"), as("leader", null), as("city-supervisor", null))) {
            given().header("Authorization", "Bearer " + reader).get(rotation).then().statusCode(200).header("ETag", "\"2\"");
        }
        given().header("Authorization", "Bearer " + as("school", "5001970001")).get(rotation).then().statusCode(403);
        given().header("Authorization", "Bearer " + DevTokens.token("u-far", "u-far", "supervisor", List.of("500104"), null,
                Duration.ofMinutes(5))).get(rotation).then().statusCode(404);
    }

    private static String as(String role, String unit) {
        return DevTokens.token("u-" + role, "u-" + role, role, List.of(OWNERSHIP_DISTRICT), unit, Duration.ofMinutes(5));
    }
}
