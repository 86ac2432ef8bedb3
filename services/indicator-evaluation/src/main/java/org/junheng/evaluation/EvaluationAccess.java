package org.junheng.evaluation;

import static org.junheng.contracts.Role.SUPERVISOR;
import static org.junheng.service.AccessRule.EVERY_ROLE;
import static org.junheng.service.AccessRule.READERS;

import org.junheng.service.AccessRule;

/**
 * Who may call what in the evaluation (docs/security.md). Finer scopes in the code: a school sees only its own ledger
 * lines and findings and, of the variation and the catchment ratio, the county's figures and its own contribution.
 */
public final class EvaluationAccess {

    private EvaluationAccess() {
    }

    static final String DISTRICT = "/api/v1/districts/{district}";
    static final String PERIOD = DISTRICT + "/periods/{year}";

    public static final AccessRule READ_LEDGER = AccessRule.of("GET " + PERIOD + "/ledger", EVERY_ROLE);
    /** The ledger as a workbook: read as the ledger is. */
    public static final AccessRule LEDGER_WORKBOOK = AccessRule.of("GET " + PERIOD + "/ledger.xlsx", EVERY_ROLE);
    public static final AccessRule READ_READINESS = AccessRule.of("GET " + PERIOD + "/readiness", EVERY_ROLE);
    public static final AccessRule READ_VARIATION = AccessRule.of("GET " + PERIOD + "/variation", EVERY_ROLE);
    /** GG13 per section with each school's pupils from outside its catchment. */
    public static final AccessRule READ_CATCHMENT = AccessRule.of("GET " + PERIOD + "/catchment", EVERY_ROLE);
    public static final AccessRule READ_SETTINGS = AccessRule.of("GET " + DISTRICT + "/evaluation-settings",
            EVERY_ROLE);
    public static final AccessRule CHANGE_SETTINGS = AccessRule.of("PUT " + DISTRICT + "/evaluation-settings",
            SUPERVISOR);
    public static final AccessRule LIST_FINDINGS = AccessRule.of("GET /api/v1/findings", EVERY_ROLE);
    public static final AccessRule READ_FINDING = AccessRule.of("GET /api/v1/findings/{id}", EVERY_ROLE);
    public static final AccessRule FINDING_HISTORY = AccessRule.of("GET /api/v1/findings/{id}/history", EVERY_ROLE);
    /** 整改建议 for a failing coefficient: computed from every school's figures, so not for schools. */
    public static final AccessRule REMEDIES = AccessRule.of("GET " + PERIOD + "/variation/{indicator}/remedies",
            READERS);
    /** What-if: nothing is stored, but a school's view of others' figures is not for schools. */
    public static final AccessRule SIMULATE = AccessRule.of("POST " + PERIOD + "/simulate", READERS);
}
