package org.junheng.contracts.evaluation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.math.BigDecimal;
import java.util.UUID;
import org.junheng.contracts.FindingIds;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.PublishedEvent;
import org.junheng.contracts.Severity;
import org.junheng.contracts.Subject;

/**
 * An unmet item (问题) and its life; one stream per finding, keyed by the finding id. The id is
 * {@link FindingIds#derive derived} from district, period, subject and indicator, so re-evaluation never duplicates it.
 * Every event repeats the subject and indicator so ledgers and notices need no lookup.
 */
public sealed interface FindingEvent extends PublishedEvent {

    UUID findingId();

    int period();

    Subject subject();

    IndicatorCode indicator();

    @Override
    default String messageKey() {
        return findingId().toString();
    }

    @JsonClassDescription("发现问题: an item of the standard is unmet")
    record FindingRaised(
            @JsonPropertyDescription("derived from district, period, subject and indicator") UUID findingId,
            String districtCode,
            @JsonPropertyDescription("reporting year (统计年度)") int period,
            Subject subject,
            IndicatorCode indicator,
            @Nullable @JsonPropertyDescription("measured value; null for attested items") BigDecimal measured,
            @Nullable @JsonPropertyDescription("threshold; null for attested items") BigDecimal required,
            @JsonPropertyDescription("Chinese description of the gap, e.g. 生均教学及辅助用房面积4.10㎡，低于标准4.5㎡，差0.40㎡")
            String gap,
            Severity severity,
            @JsonPropertyDescription("standard version applied, e.g. CN-2017") String standardVersion,
            @Nullable @JsonPropertyDescription("exact value: a fraction p/q (or an integer) when the value is rational, else 34 significant digits; null when not measured") String measuredExact)
            implements FindingEvent {

        public FindingRaised(UUID findingId, String districtCode, int period, Subject subject, IndicatorCode indicator,
                             BigDecimal measured, BigDecimal required, String gap, Severity severity,
                             String standardVersion) {
            this(findingId, districtCode, period, subject, indicator, measured, required, gap, severity,
                    standardVersion, null);
        }
    }

    @JsonClassDescription("问题销号: the item is met again, attested, or no longer applies")
    record FindingResolved(
            UUID findingId,
            String districtCode,
            @JsonPropertyDescription("reporting year (统计年度)") int period,
            Subject subject,
            IndicatorCode indicator,
            ResolutionBasis basis,
            @Nullable @JsonPropertyDescription("value that meets the threshold; null unless resolved by data")
            BigDecimal measured,
            @Nullable @JsonPropertyDescription("threshold; null unless resolved by data") BigDecimal required,
            @JsonPropertyDescription("standard version applied, e.g. CN-2017") String standardVersion,
            @Nullable @JsonPropertyDescription("exact value: a fraction p/q (or an integer) when the value is rational, else 34 significant digits; null when not measured") String measuredExact)
            implements FindingEvent {

        public FindingResolved(UUID findingId, String districtCode, int period, Subject subject,
                               IndicatorCode indicator, ResolutionBasis basis, BigDecimal measured, BigDecimal required,
                               String standardVersion) {
            this(findingId, districtCode, period, subject, indicator, basis, measured, required, standardVersion, null);
        }
    }

    /** Same id as before: corrected data or a revoked attestation makes the item unmet again in the same period. */
    @JsonClassDescription("问题重新打开: a resolved finding is unmet again in the same period")
    record FindingReopened(
            UUID findingId,
            String districtCode,
            @JsonPropertyDescription("reporting year (统计年度)") int period,
            Subject subject,
            IndicatorCode indicator,
            @Nullable @JsonPropertyDescription("measured value; null for attested items") BigDecimal measured,
            @Nullable @JsonPropertyDescription("threshold; null for attested items") BigDecimal required,
            @JsonPropertyDescription("Chinese description of the gap") String gap,
            Severity severity,
            @JsonPropertyDescription("standard version applied, e.g. CN-2017") String standardVersion,
            @JsonPropertyDescription("why it reopened, in Chinese") String reason,
            @Nullable @JsonPropertyDescription("exact value: a fraction p/q (or an integer) when the value is rational, else 34 significant digits; null when not measured") String measuredExact) implements FindingEvent {

        public FindingReopened(UUID findingId, String districtCode, int period, Subject subject,
                               IndicatorCode indicator, BigDecimal measured, BigDecimal required, String gap,
                               Severity severity, String standardVersion, String reason) {
            this(findingId, districtCode, period, subject, indicator, measured, required, gap, severity,
                    standardVersion, reason, null);
        }

        /** The reason's head when a finding rectified in an earlier year is unmet again (三年动态监测). */
        public static final String REGRESSION_PREFIX = "动态监测";

        /** A regression found by the yearly monitoring, not a reopening within the year. */
        public boolean regression() {
            return reason.startsWith(REGRESSION_PREFIX);
        }
    }
}
