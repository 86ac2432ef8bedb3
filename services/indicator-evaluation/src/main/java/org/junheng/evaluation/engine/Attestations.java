package org.junheng.evaluation.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Subject;
import org.junheng.contracts.schooldata.AttestationEvent.AttestationRecorded;

/** The attestations in force for one district period: per indicator and subject the latest one. */
final class Attestations {

    private final Map<String, AttestationRecorded> latest;

    private Attestations(Map<String, AttestationRecorded> latest) {
        this.latest = latest;
    }

    static Attestations inForce(String district, int period, List<AttestationRecorded> recorded) {
        Map<String, AttestationRecorded> latest = new HashMap<>();
        for (AttestationRecorded attestation : recorded) {
            if (!attestation.districtCode().equals(district) || attestation.period() != period) {
                continue;
            }
            // later assessment wins; of two on the same day the later in the list (the later recorded) wins
            latest.merge(key(attestation.indicator(), attestation.subject()), attestation,
                    (current, candidate) -> candidate.assessedOn().isBefore(current.assessedOn())
                            ? current : candidate);
        }
        return new Attestations(latest);
    }

    Optional<AttestationRecorded> inForce(IndicatorCode indicator, Subject subject) {
        return Optional.ofNullable(latest.get(key(indicator, subject)));
    }

    private static String key(IndicatorCode indicator, Subject subject) {
        return indicator.code() + "|" + subject.key();
    }
}
