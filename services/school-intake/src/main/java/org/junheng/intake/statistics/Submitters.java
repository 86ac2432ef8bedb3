package org.junheng.intake.statistics;

import org.junheng.contracts.Nullable;
import org.junheng.contracts.Role;
import org.junheng.eventsourcing.decider.Refusal;

/**
 * Who submits a school's yearly figures (学校年度统计), by form or by file: the supervision office and the education
 * commission (区教委, the department that runs the schools) for any school of their district, a school for itself.
 *
 * @param educationCommission the department code of the district's education commission ({@code jw})
 */
public record Submitters(String educationCommission) {

    /**
     * Whether the caller may submit for the school ({@code schoolCode} null: for every school, as an import of the
     * whole district does); a school only for itself, another department not at all (403).
     */
    public void requireMaySubmit(Role role, @Nullable String unit, @Nullable String schoolCode) {
        if (role == Role.DEPARTMENT && !educationCommission.equals(unit)) {
            throw Refusal.forbidden("not-the-education-commission", "学校统计由学校、区教委或督导室报送，其他部门不能报送"
                    + " (schools' figures are submitted by the schools, the education commission or the office)");
        }
        if (role == Role.SCHOOL && schoolCode != null && !schoolCode.equals(unit)) {
            throw Refusal.forbidden("own-school-only", "学校只能报送本校数据 (a school submits its own statistics)");
        }
    }

    /** Whether a row of an import may be the caller's: a school's file holds its own rows only. */
    public boolean mayImportRow(Role role, @Nullable String unit, String schoolCode) {
        return role != Role.SCHOOL || schoolCode.equals(unit);
    }
}
