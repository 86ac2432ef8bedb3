package org.junheng.intake.attestations;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junheng.contracts.EvidenceReference;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Person;
import org.junheng.contracts.Subject;
import org.junheng.contracts.SubjectLevel;
import org.junheng.contracts.schooldata.AttestationEvent;
import org.junheng.contracts.schooldata.AttestationGrade;
import org.junheng.contracts.schooldata.AttestationVerdict;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;
import org.junheng.service.SchoolCode;

/**
 * Judgments on the items the standard measures by evidence (STANDARD.md §2–3): which items, at which level, and what
 * a judgment must carry. Each judgment is kept; the latest of a stream is in force.
 */
public final class Attestations {

    /** The attested items and whether they are judged for the county or per school. */
    static final Map<IndicatorCode, SubjectLevel> ATTESTED = Map.of(
            IndicatorCode.GG1, SubjectLevel.COUNTY,
            IndicatorCode.GG2, SubjectLevel.COUNTY,
            IndicatorCode.GG10, SubjectLevel.COUNTY,
            IndicatorCode.EQ3, SubjectLevel.SCHOOL,
            IndicatorCode.EQ5, SubjectLevel.COUNTY,
            IndicatorCode.EQ6, SubjectLevel.SCHOOL,
            IndicatorCode.EQ7, SubjectLevel.COUNTY,
            IndicatorCode.EQ8, SubjectLevel.COUNTY,
            IndicatorCode.GG15_CARE, SubjectLevel.COUNTY,
            IndicatorCode.EQ10, SubjectLevel.COUNTY);

    /**
     * Measured items whose base may be zero in a county (no special-education school, no teacher eligible for
     * rotation, no eligible migrant child, no school-age disabled child): the office declares them not applicable,
     * with evidence, and nothing else.
     */
    static final java.util.Set<IndicatorCode> DECLARABLE_NOT_APPLICABLE = java.util.EnumSet.of(IndicatorCode.GG7,
            IndicatorCode.GG11, IndicatorCode.GG15, IndicatorCode.EQ2);

    @JsonClassDescription("督导认定 (a supervisor's judgment of an indicator, with its evidence)")
    public record Judgment(
            @JsonPropertyDescription("认定对象 (subject)，必填：学校类指标为学校，县级指标为本区") Subject subject,
            @JsonPropertyDescription("认定结论 (verdict)，必填：MET 达标或 UNMET 未达标；GG7、GG11、GG15、EQ2 按数据评估，"
                    + "只能认定为 NOT_APPLICABLE 不适用（基数为0时）") AttestationVerdict verdict,
            @JsonPropertyDescription("评定等级 (grade)：EQ6 必须评定，其余指标可不填") @Nullable AttestationGrade grade,
            @JsonPropertyDescription("佐证材料 (evidence)，必填，至少一份") List<EvidenceReference> evidence,
            @JsonPropertyDescription("督学 (the supervisor)，必填，含用户标识和姓名") Person supervisor,
            @JsonPropertyDescription("认定日期 (date assessed)，必填") LocalDate assessedOn,
            @JsonPropertyDescription("备注 (remarks)，可不填") @Nullable String remarks) {
    }

    private Attestations() {
    }

    public static String streamId(String district, int period, IndicatorCode indicator, Subject subject) {
        return "attestation/" + district + "/" + period + "/" + indicator.code() + "/" + subject.key();
    }

    public static AttestationEvent.AttestationRecorded decide(String district, int period, IndicatorCode indicator,
                                                              Judgment judgment) {
        List<Violation> violations = new ArrayList<>();
        boolean declaration = DECLARABLE_NOT_APPLICABLE.contains(indicator);
        SubjectLevel level = declaration ? SubjectLevel.COUNTY : ATTESTED.get(indicator);
        if (level == null) {
            throw Refusal.invalid("该指标不是认定类指标 (not an attested indicator)", List.of(Violation.error(
                    "indicator", indicator.code(), "认定类指标 (attested): GG1, GG2, GG10, GG15-CARE, EQ3, EQ5, EQ6, EQ7, EQ8, EQ10；"
                            + "可认定“不适用”的 (declared not applicable): GG7, GG11, GG15, EQ2")));
        }
        if (declaration && judgment.verdict() != null && judgment.verdict() != AttestationVerdict.NOT_APPLICABLE) {
            violations.add(Violation.error("verdict", judgment.verdict(), indicator.code()
                    + "按数据评估，只能认定为不适用（基数为0时） (measured by data: only NOT_APPLICABLE, for a zero base)"));
        } else if (!declaration && judgment.verdict() == AttestationVerdict.NOT_APPLICABLE) {
            violations.add(Violation.error("verdict", judgment.verdict(), "只有 GG7、GG11、GG15、EQ2 可认定为不适用"
                    + " (only GG7, GG11, GG15 and EQ2 may be declared not applicable)"));
        }
        if (judgment.subject() == null || judgment.subject().level() != level) {
            violations.add(Violation.error("subject.level", judgment.subject() == null ? null : judgment.subject().level(),
                    indicator.code() + "的认定对象须为 " + level + " (must be judged at this level)"));
        } else if (level == SubjectLevel.SCHOOL && !SchoolCode.isValid(judgment.subject().schoolCode())) {
            violations.add(Violation.error("subject.schoolCode", judgment.subject().schoolCode(), "须为10位学校标识码 (10 digits)"));
        }
        if (judgment.verdict() == null) {
            violations.add(Violation.error("verdict", null, "必填 (required): MET / UNMET / NOT_APPLICABLE"));
        }
        if (indicator == IndicatorCode.EQ6 && judgment.grade() == null) {
            violations.add(Violation.error("grade", null, "EQ6须评定等级 (a grade is required)"));
        }
        if (judgment.evidence() == null || judgment.evidence().isEmpty()) {
            violations.add(Violation.error("evidence", null, "至少一份佐证材料 (at least one evidence document)"));
        } else {
            for (int i = 0; i < judgment.evidence().size(); i++) {
                EvidenceReference evidence = judgment.evidence().get(i);
                String at = "evidence[" + i + "]";
                if (evidence == null || evidence.name() == null || evidence.name().isBlank()) {
                    violations.add(Violation.error(at + ".name", null, "文件名必填 (required)"));
                    continue;
                }
                if (evidence.sha256() == null || !evidence.sha256().matches("[0-9a-f]{64}")) {
                    violations.add(Violation.error(at + ".sha256", evidence.sha256(),
                            "须为64位小写十六进制SHA-256 (64 lower-case hex digits)"));
                }
                if (evidence.location() == null || evidence.location().isBlank()) {
                    violations.add(Violation.error(at + ".location", null, "存储位置必填 (URL or storage key required)"));
                }
            }
        }
        if (judgment.supervisor() == null || judgment.supervisor().id() == null || judgment.supervisor().name() == null) {
            violations.add(Violation.error("supervisor", null, "督学必填 (the supervisor is required)"));
        }
        if (judgment.assessedOn() == null) {
            violations.add(Violation.error("assessedOn", null, "必填 (required)"));
        }
        if (!violations.isEmpty()) {
            throw Refusal.invalid("认定信息有误 (invalid attestation)", violations);
        }
        return new AttestationEvent.AttestationRecorded(district, period, indicator, judgment.subject(),
                judgment.verdict(), judgment.grade(), judgment.evidence(), judgment.supervisor(), judgment.assessedOn(),
                judgment.remarks());
    }
}
