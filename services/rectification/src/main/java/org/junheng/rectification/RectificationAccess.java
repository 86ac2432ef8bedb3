package org.junheng.rectification;

import static org.junheng.contracts.Role.DEPARTMENT;
import static org.junheng.contracts.Role.SUPERVISOR;
import static org.junheng.service.AccessRule.EVERY_ROLE;
import static org.junheng.service.AccessRule.OVERSEERS;
import static org.junheng.service.AccessRule.READERS;

import java.util.Arrays;
import java.util.List;
import org.junheng.rectification.lifecycle.TaskAction;
import org.junheng.service.AccessRule;

/**
 * Who may call what in rectification (docs/security.md). Finer scopes in {@code TaskAccess}: a department sees the
 * tasks it leads or helps with and a school its own; of a task's actions the lead department assigns, plans and
 * submits, a helping one reports progress and attaches evidence.
 */
public final class RectificationAccess {

    private RectificationAccess() {
    }

    static final String DISTRICT = "/api/v1/districts/{district}";

    public static final AccessRule LIST_TASKS = AccessRule.of("GET /api/v1/tasks", EVERY_ROLE);
    public static final AccessRule READ_TASK = AccessRule.of("GET /api/v1/tasks/{id}", EVERY_ROLE);
    public static final AccessRule TASK_HISTORY = AccessRule.of("GET /api/v1/tasks/{id}/history", EVERY_ROLE);
    public static final AccessRule READ_EVIDENCE = AccessRule.of("GET /api/v1/tasks/{id}/evidence/{sha256}",
            EVERY_ROLE);
    public static final AccessRule TASK_NOTICE = AccessRule.of("GET /api/v1/tasks/{id}/supervision-notice.docx",
            EVERY_ROLE);
    /** A task's actions, from the action table: the office's to the office, the departments' to departments. */
    public static final List<AccessRule> TASK_ACTIONS = Arrays.stream(TaskAction.values())
            .map(RectificationAccess::action).toList();
    /** A department's 督办单: for those who oversee, and for that department (403 for another, and for schools). */
    public static final AccessRule DEPARTMENT_NOTICE =
            AccessRule.of("GET " + DISTRICT + "/departments/{code}/supervision-notice.docx", READERS);
    public static final AccessRule REPORT = AccessRule.of("GET " + DISTRICT + "/periods/{year}/rectification-report.docx",
            OVERSEERS);
    public static final AccessRule READ_MATRIX = AccessRule.of("GET " + DISTRICT + "/responsibilities", EVERY_ROLE);
    public static final AccessRule CHANGE_MATRIX = AccessRule.of("PUT " + DISTRICT + "/responsibilities", SUPERVISOR);
    public static final AccessRule READ_CAMPAIGN = AccessRule.of("GET " + DISTRICT + "/campaign", EVERY_ROLE);
    public static final AccessRule CHANGE_CAMPAIGN = AccessRule.of("PUT " + DISTRICT + "/campaign", SUPERVISOR);
    public static final AccessRule SCORECARD = AccessRule.of("GET " + DISTRICT + "/scorecard", OVERSEERS);
    /** 创建进程: everyone of the district reads where it stands; the office records the stages. */
    public static final AccessRule READ_RECOGNITION = AccessRule.of("GET " + DISTRICT + "/recognition", EVERY_ROLE);
    public static final AccessRule RECORD_STAGE = AccessRule.of("POST " + DISTRICT + "/recognition/stages",
            SUPERVISOR);
    /** 外部问题清单: the office enters what the city, the nation, its 督学 and the public found. */
    public static final AccessRule ENTER_OUTSIDE_PROBLEMS = AccessRule.of("POST " + DISTRICT
            + "/periods/{year}/outside-problems", SUPERVISOR);
    public static final AccessRule IMPORT_OUTSIDE_PROBLEMS = AccessRule.of("POST " + DISTRICT
            + "/periods/{year}/outside-problems/import", SUPERVISOR);

    /** 整改方案: the office draws up versions, records the leading group's approval, keeps the 整改项目. */
    public static final AccessRule READ_PLAN = AccessRule.of("GET " + DISTRICT + "/periods/{year}/rectification-plan",
            READERS);
    public static final AccessRule DRAFT_PLAN = AccessRule.of("POST " + DISTRICT
            + "/periods/{year}/rectification-plan/versions", SUPERVISOR);
    public static final AccessRule APPROVE_PLAN = AccessRule.of("POST " + DISTRICT
            + "/periods/{year}/rectification-plan/versions/{version}/approval", SUPERVISOR);
    public static final AccessRule DEFINE_PROJECT = AccessRule.of("POST " + DISTRICT
            + "/periods/{year}/rectification-plan/projects", SUPERVISOR);
    public static final AccessRule REACH_MILESTONE = AccessRule.of("POST " + DISTRICT
            + "/periods/{year}/rectification-plan/projects/{projectId}/milestones", SUPERVISOR);
    /** 责任单位: 责任领导 and 责任状, 约谈 and 问责 of a unit; the office records. */
    public static final AccessRule READ_UNITS = AccessRule.of("GET " + DISTRICT + "/responsible-units", READERS);
    public static final AccessRule NAME_LEADER = AccessRule.of("PUT " + DISTRICT + "/responsible-units/{unit}/leader",
            SUPERVISOR);
    public static final AccessRule RECORD_UNIT_ACCOUNTABILITY = AccessRule.of("POST " + DISTRICT
            + "/responsible-units/{unit}/accountability", SUPERVISOR);

    public static AccessRule action(TaskAction action) {
        return AccessRule.of("POST /api/v1/tasks/{id}/" + action.operation(),
                action.party() == TaskAction.Party.OFFICE ? SUPERVISOR : DEPARTMENT);
    }
}
