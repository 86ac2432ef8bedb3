package org.junheng.rectification.lifecycle;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junheng.contracts.Department;
import org.junheng.contracts.IndicatorCategory;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Severity;
import org.junheng.contracts.Subject;
import org.junheng.contracts.evaluation.EvaluationEvent.ReadinessChanged;
import org.junheng.contracts.evaluation.ReadinessReason;
import org.junheng.contracts.rectification.TaskEvent.TaskOpened;
import org.junheng.contracts.rectification.TaskKind;
import org.junheng.rectification.responsibility.Campaign;
import org.junheng.rectification.responsibility.ResponsibilityMatrix;

/**
 * Data-gap tasks (报送任务): every item the evaluation could not judge for want of data is somebody's to supply. Each
 * readiness reason of kind 数据未报送 or 待督导认定 that names an indicator becomes a 报送 task — for the unit that owns
 * the indicator's figures in the district's matrix (数据未报送), the supervision office (督导认定) or, for a 一票否决
 * declaration (whether a figure set or a judgment), the leading group's office — due by the campaign ({@link Campaign#dataDueDate}); it closes when a
 * later readiness no longer lists the gap, and reopens if the gap comes back. Reasons without an indicator (the 基本均衡
 * precondition, schools that have not reported) and the resource items and coefficients (RA, CV: the schools' forms)
 * are the office's settings and the schools' forms, not tasks.
 */
public final class DataGapFollowUp {

    private DataGapFollowUp() {
    }

    /** One gap: an indicator lacking data of one kind, in a district's period; its id stands in for a finding's. */
    public record Gap(String districtCode, int period, IndicatorCode indicator, ReadinessReason.Kind kind,
                      String text) {

        public UUID gapId() {
            return DataGapFollowUp.gapId(districtCode, period, indicator, kind);
        }
    }

    /** A name-based UUID of {@code data-gap|<district>|<period>|<indicator>|<kind>}: the same gap, the same task. */
    public static UUID gapId(String district, int period, IndicatorCode indicator, ReadinessReason.Kind kind) {
        return UUID.nameUUIDFromBytes(("data-gap|" + district + "|" + period + "|" + indicator.code() + "|"
                + kind.name()).getBytes(StandardCharsets.UTF_8));
    }

    /** The gaps a readiness verdict names, one per indicator and kind (several reasons of one item joined). */
    public static List<Gap> gaps(ReadinessChanged readiness) {
        Map<String, Gap> gaps = new LinkedHashMap<>();
        for (ReadinessReason reason : readiness.reasons()) {
            if (reason.indicator() == null || !isGap(reason.kind()) || fromSchoolForms(reason.indicator())) {
                continue;
            }
            String key = reason.indicator().code() + "|" + reason.kind();
            Gap known = gaps.get(key);
            gaps.put(key, new Gap(readiness.districtCode(), readiness.period(), reason.indicator(), reason.kind(),
                    known == null ? reason.text() : known.text() + "；" + reason.text()));
        }
        return List.copyOf(gaps.values());
    }

    /**
     * The resource items (RA1–RA7, RA-SCHOOL) and their coefficients rest on the schools' yearly forms: what they lack
     * is a school that has not reported yet (its own readiness reason), asked for by its form, not by a 报送 task —
     * which would also open and close with every partial import.
     */
    static boolean fromSchoolForms(IndicatorCode indicator) {
        return indicator.category() == IndicatorCategory.RESOURCE_ALLOCATION
                || indicator.category() == IndicatorCategory.COUNTY_BALANCE;
    }

    static boolean isGap(@Nullable ReadinessReason.Kind kind) {
        return kind == ReadinessReason.Kind.DATA_MISSING || kind == ReadinessReason.Kind.AWAITING_ATTESTATION;
    }

    /** A gap the latest readiness names: open its task, or reopen it if the data went missing again. */
    public static List<TaskCommand> stillMissing(Gap gap, @Nullable TaskState task, UUID taskId,
                                                 ResponsibilityMatrix matrix, Campaign campaign, LocalDate today) {
        if (task == null) {
            return List.of(new TaskCommand.Open(opened(gap, taskId, matrix, campaign, today)));
        }
        return task.status() == TaskStatus.CLOSED
                ? List.of(new TaskCommand.Reopen("所需数据再次缺失：" + gap.text(), campaign.dataDueDate(today)))
                : List.of();
    }

    /** A gap the latest readiness no longer names: the data arrived, its task (if any) closes. */
    public static List<TaskCommand> arrived(@Nullable TaskState task) {
        return task == null ? List.of() : List.of(new TaskCommand.DataArrived());
    }

    static TaskOpened opened(Gap gap, UUID taskId, ResponsibilityMatrix matrix, Campaign campaign, LocalDate today) {
        IndicatorCode indicator = gap.indicator();
        Department lead;
        List<Department> helpers;
        String title;
        if (indicator.category() == IndicatorCategory.VETO) {
            lead = Department.LEADING_GROUP_OFFICE;
            helpers = List.of();
            title = "报送" + indicator.shortName() + "情况声明（一票否决）";
        } else if (gap.kind() == ReadinessReason.Kind.AWAITING_ATTESTATION) {
            lead = Department.SUPERVISION_OFFICE;
            helpers = List.of();
            title = indicator.shortName() + "待督导认定";
        } else {
            ResponsibilityMatrix.Responsibility responsible = matrix.responsibleFor(indicator);
            lead = responsible.lead();
            helpers = List.copyOf(responsible.coDepartments());
            title = "报送" + indicator.shortName() + "所需数据";
        }
        Severity severity = indicator.category() == IndicatorCategory.VETO ? Severity.VETO : Severity.COUNTY_RULE;
        return new TaskOpened(taskId, gap.districtCode(), gap.gapId(), gap.period(), Subject.county(), indicator,
                severity, title, gap.text(), lead, helpers, campaign.dataDueDate(today), TaskKind.DATA_SUBMISSION,
                null);
    }
}
