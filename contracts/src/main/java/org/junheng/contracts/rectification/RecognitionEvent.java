package org.junheng.contracts.rectification;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.LocalDate;
import java.util.UUID;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Labelled;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Person;
import org.junheng.contracts.PublishedEvent;

/**
 * A district's road to recognition (创建进程): 自评 → 市级督导评估 → 申报国家认定 → 国家认定 → 动态监测 every year,
 * recorded by the supervision office; one stream per district, keyed by the district.
 */
public sealed interface RecognitionEvent extends PublishedEvent {

    @Override
    default String messageKey() {
        return districtCode();
    }

    /** The stages, in order; 动态监测 repeats every year after recognition. */
    @JsonClassDescription("创建阶段 (stage of recognition)")
    enum Stage implements Labelled {
        SELF_ASSESSMENT("自评"),
        MUNICIPAL_ASSESSMENT("市级督导评估"),
        NATIONAL_APPLICATION("申报国家认定"),
        NATIONAL_RECOGNITION("国家认定"),
        MONITORING("动态监测");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** What an assessment, the recognition or a monitoring year concluded. */
    @JsonClassDescription("阶段结论 (outcome of a stage)")
    enum Outcome implements Labelled {
        PASSED("通过"),
        NOT_PASSED("未通过");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    @JsonClassDescription("创建阶段记录: the district reached a stage of recognition, with its date, document and outcome")
    record RecognitionStageRecorded(
            String districtCode,
            Stage stage,
            @JsonPropertyDescription("the day of the stage (assessment, application, recognition, monitoring report)")
            LocalDate date,
            @Nullable @JsonPropertyDescription("for 市级督导评估, 国家认定 and 动态监测; none for 自评 and 申报") Outcome outcome,
            @Nullable @JsonPropertyDescription("the year a 动态监测 covers") Integer monitoringYear,
            @Nullable @JsonPropertyDescription("文号 of the report, application or decision") String documentNumber,
            @Nullable @JsonPropertyDescription("说明, Chinese text") String remarks,
            @JsonPropertyDescription("who recorded it") Person recordedBy) implements RecognitionEvent {

        /** The stage in words, as readiness and the road show it: 自评, 国家认定：通过, 动态监测（2026年）：通过. */
        public String describe() {
            return stage.label() + (monitoringYear == null ? "" : "（" + monitoringYear + "年）")
                    + (outcome == null ? "" : "：" + outcome.label());
        }
    }

    @JsonClassDescription("认定成果预警: after recognition a finding rectified before is unmet again (动态监测); the "
            + "recognition is at risk")
    record RecognitionAtRisk(
            String districtCode,
            @JsonPropertyDescription("reporting year of the regression") int period,
            UUID findingId,
            IndicatorCode indicator,
            @JsonPropertyDescription("why, as the evaluation says it (动态监测：…年已整改销号，…年再次未达标)") String reason)
            implements RecognitionEvent {
    }
}
