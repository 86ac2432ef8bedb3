package org.junheng.notices;

import static org.junheng.contracts.Role.DEPARTMENT;
import static org.junheng.contracts.Role.SUPERVISOR;
import static org.junheng.service.AccessRule.EVERY_ROLE;

import org.junheng.service.AccessRule;

/**
 * Who may call what in the notices service (docs/security.md). Finer scopes in the code: a department or school sees
 * the notices addressed to it and to the whole district; only a notice's audience acknowledges it; a department
 * manages only its own webhook subscriptions; a finding's timeline is for its task's departments and its school.
 */
public final class NoticesAccess {

    private NoticesAccess() {
    }

    public static final AccessRule LIST_NOTICES = AccessRule.of("GET /api/v1/notices", EVERY_ROLE);
    public static final AccessRule STREAM_NOTICES = AccessRule.of("GET /api/v1/notices/stream", EVERY_ROLE);
    /** A manual notice (never a bulletin): the office's. */
    public static final AccessRule ISSUE_NOTICE = AccessRule.of("POST /api/v1/notices", SUPERVISOR);
    public static final AccessRule ACKNOWLEDGE = AccessRule.of("POST /api/v1/notices/{id}/ack", EVERY_ROLE);
    public static final AccessRule ISSUE_BULLETIN = AccessRule.of("POST /api/v1/districts/{district}/bulletins",
            SUPERVISOR);
    public static final AccessRule LIST_BULLETINS = AccessRule.of("GET /api/v1/districts/{district}/bulletins",
            EVERY_ROLE);
    public static final AccessRule BULLETIN_DOCUMENT =
            AccessRule.of("GET /api/v1/districts/{district}/bulletins/{id}.docx", EVERY_ROLE);
    public static final AccessRule TIMELINE = AccessRule.of("GET /api/v1/findings/{id}/timeline", EVERY_ROLE);
    public static final AccessRule TIMELINE_STEPS = AccessRule.of("GET /api/v1/findings/{id}/timeline/steps",
            EVERY_ROLE);
    public static final AccessRule PRINTABLE_TIMELINE = AccessRule.of("GET /api/v1/findings/{id}/timeline.html",
            EVERY_ROLE);
    public static final AccessRule SUBSCRIBE = AccessRule.of("POST /api/v1/webhooks", SUPERVISOR, DEPARTMENT);
    public static final AccessRule LIST_SUBSCRIPTIONS = AccessRule.of("GET /api/v1/webhooks", SUPERVISOR, DEPARTMENT);
    public static final AccessRule UNSUBSCRIBE = AccessRule.of("DELETE /api/v1/webhooks/{id}", SUPERVISOR, DEPARTMENT);
    public static final AccessRule LIST_DELIVERIES = AccessRule.of("GET /api/v1/webhooks/{id}/deliveries",
            SUPERVISOR, DEPARTMENT);
    public static final AccessRule REDELIVER = AccessRule.of("POST /api/v1/webhooks/deliveries/{deliveryId}/redeliver",
            SUPERVISOR, DEPARTMENT);
}
