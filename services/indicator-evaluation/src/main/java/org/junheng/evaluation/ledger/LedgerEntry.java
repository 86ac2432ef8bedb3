package org.junheng.evaluation.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.FindingIds;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Section;
import org.junheng.contracts.Severity;
import org.junheng.contracts.Subject;
import org.junheng.contracts.evaluation.EvaluationEvent.CountyEvaluated;
import org.junheng.contracts.evaluation.EvaluationEvent.SchoolEvaluated;
import org.junheng.contracts.evaluation.EvaluationEvent.SchoolSectionEvaluated;
import org.junheng.contracts.evaluation.EvaluationEvent;
import org.junheng.contracts.evaluation.IndicatorValue;
import org.junheng.evaluation.engine.Evaluator;

/**
 * One item of the standard for one subject as the latest run measured it: a line of the met or unmet ledger
 * (已达标台账 / 未达标台账). Coefficients of variation are county lines with the coefficient as the measured value.
 */
public record LedgerEntry(
        String districtCode,
        int period,
        Subject subject,
        IndicatorCode indicator,
        @Nullable BigDecimal measured,
        @Nullable String measuredExact,
        @Nullable BigDecimal required,
        boolean met,
        @Nullable Severity severity,
        @Nullable String gap,
        UUID findingId,
        String standardVersion) {

    /** The lines an evaluation event states; none for events that are not results. */
    public static List<LedgerEntry> of(EvaluationEvent event) {
        List<LedgerEntry> entries = new ArrayList<>();
        if (event instanceof SchoolSectionEvaluated section) {
            Subject subject = Subject.schoolSection(section.schoolCode(), section.schoolName(), section.section());
            section.indicatorValues().forEach(value -> entries.add(of(event, subject, value)));
        } else if (event instanceof SchoolEvaluated school) {
            Subject subject = Subject.school(school.schoolCode(), school.schoolName());
            school.indicatorValues().forEach(value -> entries.add(of(event, subject, value)));
        } else if (event instanceof CountyEvaluated county) {
            // roll-ups of per-school items are listed per school, not again for the county
            county.indicatorValues().stream().filter(value -> !Evaluator.ROLLED_UP.contains(value.indicator()))
                    .forEach(value -> entries.add(of(event, Subject.county(), value)));
        }
        return entries;
    }

    private static LedgerEntry of(EvaluationEvent event, Subject subject, IndicatorValue value) {
        return new LedgerEntry(event.districtCode(), event.period(), subject, value.indicator(), value.measured(),
                value.measuredExact(), value.required(), value.met(), value.severity(), value.gap(),
                FindingIds.derive(event.districtCode(), event.period(), subject, value.indicator()),
                event.standardVersion());
    }

    public @Nullable String schoolCode() {
        return subject.schoolCode();
    }

    public @Nullable Section section() {
        return subject.section();
    }
}
