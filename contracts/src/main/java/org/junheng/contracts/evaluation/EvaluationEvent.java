package org.junheng.contracts.evaluation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.PublishedEvent;
import org.junheng.contracts.Section;

/**
 * Results of evaluating a district's data of one period against a standard version; one stream per district and
 * period, keyed {@code <district>/<period>}. Re-evaluation after new data appends new results; the latest counts.
 */
public sealed interface EvaluationEvent extends PublishedEvent {

    /** The reporting year evaluated. */
    int period();

    /** The standard version applied, e.g. {@code CN-2017} or a local overlay. */
    String standardVersion();

    @Override
    default String messageKey() {
        return districtCode() + "/" + period();
    }

    @JsonClassDescription("学校学段测算: every indicator measured for one school section, and the school pass rule")
    record SchoolSectionEvaluated(
            String districtCode,
            @JsonPropertyDescription("reporting year (统计年度)") int period,
            @JsonPropertyDescription("standard version applied, e.g. CN-2017") String standardVersion,
            String schoolCode,
            String schoolName,
            Section section,
            @JsonPropertyDescription("pupils of the section, its weight in the coefficients of variation") int pupils,
            @JsonPropertyDescription("RA1–RA7 and the school-level items measured on this section")
            List<IndicatorValue> indicatorValues,
            @JsonPropertyDescription("RA-SCHOOL: at least 6 of RA1–RA7 met, the other at least 85% of its standard")
            boolean passesSchoolRule) implements EvaluationEvent {

        public SchoolSectionEvaluated {
            indicatorValues = List.copyOf(indicatorValues);
        }
    }

    @JsonClassDescription("学校测算: the items judged on the whole school (GG3, GG4, EQ4, attested school items)")
    record SchoolEvaluated(
            String districtCode,
            @JsonPropertyDescription("reporting year (统计年度)") int period,
            @JsonPropertyDescription("standard version applied, e.g. CN-2017") String standardVersion,
            String schoolCode,
            String schoolName,
            @JsonPropertyDescription("the school-level items measured or attested; empty when none applies")
            List<IndicatorValue> indicatorValues) implements EvaluationEvent {

        public SchoolEvaluated {
            indicatorValues = List.copyOf(indicatorValues);
        }
    }

    @JsonClassDescription("县域测算: coefficients of variation per indicator and section, and the county-level items")
    record CountyEvaluated(
            String districtCode,
            @JsonPropertyDescription("reporting year (统计年度)") int period,
            @JsonPropertyDescription("standard version applied, e.g. CN-2017") String standardVersion,
            @JsonPropertyDescription("school sections evaluated") int schoolSections,
            @JsonPropertyDescription("school sections passing RA-SCHOOL") int schoolSectionsPassing,
            @JsonPropertyDescription("one entry per CV-RAk-P / CV-RAk-J code with sections to compare")
            List<Variation> variations,
            @JsonPropertyDescription("county-level GG, EQ, SR and V items") List<IndicatorValue> indicatorValues,
            @Nullable @JsonPropertyDescription("GG13 per section with the schools admitting from outside their "
                    + "catchment; absent in events recorded before GG13 was a county ratio") List<CatchmentRatio>
            catchment)
            implements EvaluationEvent {

        public CountyEvaluated {
            variations = List.copyOf(variations);
            indicatorValues = List.copyOf(indicatorValues);
            catchment = catchment == null ? null : List.copyOf(catchment);
        }

        /** A county result as earlier producers wrote it, without the catchment ratios. */
        public CountyEvaluated(String districtCode, int period, String standardVersion, int schoolSections,
                               int schoolSectionsPassing, List<Variation> variations,
                               List<IndicatorValue> indicatorValues) {
            this(districtCode, period, standardVersion, schoolSections, schoolSectionsPassing, variations,
                    indicatorValues, null);
        }
    }

    /** Emitted only when the flag or its reasons change, so subscribers are not flooded on every re-evaluation. */
    @JsonClassDescription("验收条件变化: whether the county is ready for the municipal check, and why not")
    record ReadinessChanged(
            String districtCode,
            @JsonPropertyDescription("reporting year (统计年度)") int period,
            @JsonPropertyDescription("standard version applied, e.g. CN-2017") String standardVersion,
            boolean ready,
            @JsonPropertyDescription("empty when ready") List<ReadinessReason> reasons,
            @JsonPropertyDescription("findings of the period not yet resolved") int openFindings,
            @Nullable @JsonPropertyDescription("met items resting on a county's own survey rather than the national "
                    + "one (SR1, EQ9): the verdict is provisional until the national results are in") List<String>
            provisional) implements EvaluationEvent {

        public ReadinessChanged {
            reasons = List.copyOf(reasons);
            provisional = provisional == null ? null : List.copyOf(provisional);
        }

        public ReadinessChanged(String districtCode, int period, String standardVersion, boolean ready,
                                List<ReadinessReason> reasons, int openFindings) {
            this(districtCode, period, standardVersion, ready, reasons, openFindings, null);
        }
    }

    /**
     * Closes one evaluation run whose results changed: the run's school section, school and county events, a
     * readiness change and the finding events precede it in the same transaction. Together they replace the district
     * period's previous results; a re-evaluation with unchanged results appends nothing.
     */
    @JsonClassDescription("评估完成: one evaluation run with changed results, and what it did to the findings")
    record EvaluationCompleted(
            String districtCode,
            @JsonPropertyDescription("reporting year (统计年度)") int period,
            @JsonPropertyDescription("standard version applied, e.g. CN-2017") String standardVersion,
            @JsonPropertyDescription("school sections evaluated") int schoolSections,
            @JsonPropertyDescription("registered schools without statistics for the period") int schoolsNotReported,
            @JsonPropertyDescription("findings raised by this run (发现问题)") List<UUID> raised,
            @JsonPropertyDescription("findings reopened by this run (问题重新打开)") List<UUID> reopened,
            @JsonPropertyDescription("findings resolved by this run (问题销号)") List<UUID> resolved,
            @JsonPropertyDescription("findings of the period open after this run") int openFindings,
            @JsonPropertyDescription("whether the county is ready for the municipal check after this run") boolean ready)
            implements EvaluationEvent {

        public EvaluationCompleted {
            raised = List.copyOf(raised);
            reopened = List.copyOf(reopened);
            resolved = List.copyOf(resolved);
        }
    }
}
