package org.junheng.evaluation.ledger;

import java.math.BigDecimal;
import java.util.UUID;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Labelled;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Section;
import org.junheng.contracts.Severity;
import org.junheng.contracts.SubjectLevel;

/** A line of the met or unmet ledger as the API and the XLSX export show it. */
public record LedgerLine(
        SubjectLevel subjectLevel,
        @Nullable String schoolCode,
        @Nullable String schoolName,
        @Nullable Section section,
        IndicatorCode indicator,
        String indicatorName,
        @Nullable BigDecimal measured,
        @Nullable String measuredExact,
        @Nullable BigDecimal required,
        Status status,
        @Nullable Severity severity,
        @Nullable String gap,
        UUID findingId,
        String standardVersion) {

    /** The status in words (达标, 整改后达标, 未达标), for people reading the ledger. */
    @com.fasterxml.jackson.annotation.JsonProperty("statusLabel")
    public String statusLabel() {
        return status.label();
    }

    /** MET and RECTIFIED lines form the met ledger (已达标台账), UNMET lines the unmet ledger (未达标台账). */
    public enum Status implements Labelled {
        MET("达标"),
        RECTIFIED("整改后达标"),
        UNMET("未达标");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** A ledger entry with the history of its finding: met after a resolved finding is 整改后达标. */
    public static LedgerLine of(LedgerEntry entry, boolean findingResolvedBefore) {
        Status status = !entry.met() ? Status.UNMET : findingResolvedBefore ? Status.RECTIFIED : Status.MET;
        return new LedgerLine(entry.subject().level(), entry.schoolCode(), entry.subject().schoolName(),
                entry.section(), entry.indicator(), entry.indicator().chineseName(), entry.measured(),
                entry.measuredExact(), entry.required(),
                status, entry.severity(), entry.gap(), entry.findingId(), entry.standardVersion());
    }

    public boolean met() {
        return status != Status.UNMET;
    }
}
