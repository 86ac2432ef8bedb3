package org.junheng.intake;

import static org.junheng.contracts.Role.DEPARTMENT;
import static org.junheng.contracts.Role.SCHOOL;
import static org.junheng.contracts.Role.SUPERVISOR;
import static org.junheng.service.AccessRule.EVERY_ROLE;
import static org.junheng.service.AccessRule.READERS;

import org.junheng.service.AccessRule;

/**
 * Who may call what in the school intake (docs/security.md). Finer scopes in the code: a school reaches only its own
 * school (others 404), a department submits county figures in its own name and for a set it owns.
 */
public final class IntakeAccess {

    private IntakeAccess() {
    }

    static final String DISTRICT = "/api/v1/districts/{district}";
    static final String PERIOD = DISTRICT + "/periods/{year}";

    public static final AccessRule REGISTER_SCHOOL = AccessRule.of("POST " + DISTRICT + "/schools", SUPERVISOR);
    public static final AccessRule LIST_SCHOOLS = AccessRule.of("GET " + DISTRICT + "/schools", EVERY_ROLE);
    public static final AccessRule READ_SCHOOL = AccessRule.of("GET " + DISTRICT + "/schools/{code}", EVERY_ROLE);
    public static final AccessRule CHANGE_SCHOOL = AccessRule.of("PUT " + DISTRICT + "/schools/{code}", SUPERVISOR);
    public static final AccessRule CLOSE_SCHOOL = AccessRule.of("POST " + DISTRICT + "/schools/{code}/closure",
            SUPERVISOR);
    public static final AccessRule MERGE_SCHOOL = AccessRule.of("POST " + DISTRICT + "/schools/{code}/merger",
            SUPERVISOR);
    public static final AccessRule SCHOOL_HISTORY = AccessRule.of("GET " + DISTRICT + "/schools/{code}/history",
            EVERY_ROLE);
    /** The school itself; the office and the education commission for any school (which department: Submitters). */
    public static final AccessRule SUBMIT_STATISTICS = AccessRule.of("PUT " + PERIOD + "/schools/{code}/statistics",
            SUPERVISOR, DEPARTMENT, SCHOOL);
    public static final AccessRule READ_STATISTICS = AccessRule.of("GET " + PERIOD + "/schools/{code}/statistics",
            EVERY_ROLE);
    public static final AccessRule STATISTICS_HISTORY =
            AccessRule.of("GET " + PERIOD + "/schools/{code}/statistics/history", EVERY_ROLE);
    public static final AccessRule SUBMIT_COUNTY_FIGURES = AccessRule.of("PUT " + PERIOD + "/county-figures/{kind}",
            SUPERVISOR, DEPARTMENT);
    public static final AccessRule READ_COUNTY_FIGURES = AccessRule.of("GET " + PERIOD + "/county-figures/{kind}",
            READERS);
    public static final AccessRule RECORD_ATTESTATION = AccessRule.of("POST " + PERIOD + "/attestations/{indicator}",
            SUPERVISOR);
    public static final AccessRule READ_ATTESTATION = AccessRule.of("GET " + PERIOD + "/attestations/{indicator}",
            READERS);
    /** The template filled with the figures on record: for whoever submits them (a school gets its own rows). */
    public static final AccessRule FILLED_TEMPLATE =
            AccessRule.of("GET " + PERIOD + "/import-templates/school-statistics.xlsx", SUPERVISOR, DEPARTMENT, SCHOOL);
    /** As for a form: a school's file holds its own rows only. */
    public static final AccessRule IMPORT = AccessRule.of("POST " + PERIOD + "/imports", SUPERVISOR, DEPARTMENT,
            SCHOOL);
}
