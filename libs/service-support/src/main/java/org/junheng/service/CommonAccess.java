package org.junheng.service;

import org.junheng.contracts.Role;

/** The access rows of the operations every service has: administration and the audit export. */
public final class CommonAccess {

    private CommonAccess() {
    }

    public static final AccessRule READ_CHECKSUMS = AccessRule.adminOnly("GET /api/v1/admin/replay");
    public static final AccessRule REPLAY = AccessRule.adminOnly("POST /api/v1/admin/replay");
    public static final AccessRule LIST_PARKED = AccessRule.adminOnly("GET /api/v1/admin/parked-records");
    public static final AccessRule READ_PARKED = AccessRule.adminOnly("GET /api/v1/admin/parked-records/{id}");
    public static final AccessRule RETRY_PARKED = AccessRule.adminOnly("POST /api/v1/admin/parked-records/{id}/retry");
    public static final AccessRule DISCARD_PARKED =
            AccessRule.adminOnly("POST /api/v1/admin/parked-records/{id}/discard");
    /** 审计导出: the district's supervision office, and the city's. */
    public static final AccessRule AUDIT_EXPORT = AccessRule.of("GET /api/v1/audit", Role.SUPERVISOR,
            Role.CITY_SUPERVISOR);
}
