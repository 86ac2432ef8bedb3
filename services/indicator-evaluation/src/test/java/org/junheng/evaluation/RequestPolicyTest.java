package org.junheng.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junheng.infra.JunhengInfraTestResource;
import org.junit.jupiter.api.Test;

/** Dates and text in query values are checked once, in service-support, and refused as 400s naming the parameter. */
@QuarkusTest
@QuarkusTestResource(value = JunhengInfraTestResource.class, restrictToAnnotatedClass = false)
class RequestPolicyTest {

    static final String PERIOD = "/api/v1/districts/500104/periods/2024";

    @Test
    void aDateBeyondWhatTheDatabaseHoldsIsA400NamingAsOf() {
        for (String path : new String[] {PERIOD + "/ledger", PERIOD + "/ledger.xlsx"}) {
            given().urlEncodingEnabled(false).get(path + "?asOf=%2B999999999-12-31").then().statusCode(400)
                    .body("errors[0].field", equalTo("asOf")).body("errors[0].reason", containsString("2200-12-31"));
            given().get(path + "?asOf=1800-01-01").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
            given().get(path + "?asOf=+1000000-01-01T00:00:00Z").then().statusCode(400)
                    .body("errors[0].field", equalTo("asOf"));
        }
    }

    @Test
    void aNulInAQueryValueIsA400NamingIt() {
        given().urlEncodingEnabled(false).get("/api/v1/findings?district=500104&school=ab%00").then().statusCode(400)
                .body("errors[0].field", equalTo("school"));
        given().get("/api/v1/findings?district=500104&school=钢花小学").then().statusCode(200);
    }
}
