package org.junheng.evaluation.ledger;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Section;
import org.junheng.contracts.Severity;

/**
 * Which lines of a ledger to show. Every criterion is optional; {@code ledger} picks the met (已达标) or unmet
 * (未达标) ledger, none gives both.
 */
public record LedgerFilter(@Nullable Which ledger, @Nullable String schoolCode, @Nullable IndicatorCode indicator,
                           @Nullable Section section, @Nullable Severity severity,
                           @Nullable LedgerLine.Status status) implements Predicate<LedgerLine> {

    public enum Which { MET, UNMET }

    public static final LedgerFilter ALL = new LedgerFilter(null, null, null, null, null, null);

    /** Lines in a stable order: county first, then schools by code, sections, indicators in catalogue order. */
    public static final Comparator<LedgerLine> ORDER = Comparator
            .comparing((LedgerLine line) -> line.schoolCode() == null ? "" : line.schoolCode())
            .thenComparing(line -> line.section() == null ? -1 : line.section().ordinal())
            .thenComparing(line -> line.indicator().ordinal());

    @Override
    public boolean test(LedgerLine line) {
        return (ledger == null || (ledger == Which.MET) == line.met())
                && (schoolCode == null || schoolCode.equals(line.schoolCode()))
                && (indicator == null || indicator == line.indicator())
                && (section == null || section == line.section())
                && (severity == null || severity == line.severity())
                && (status == null || status == line.status());
    }

    public List<LedgerLine> apply(List<LedgerLine> lines) {
        return lines.stream().filter(this).sorted(ORDER).toList();
    }
}
