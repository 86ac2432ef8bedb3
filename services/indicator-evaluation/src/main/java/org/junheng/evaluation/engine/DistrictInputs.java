package org.junheng.evaluation.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.schooldata.AttestationEvent.AttestationRecorded;
import org.junheng.contracts.schooldata.CountyFiguresEvent.CountyFiguresSubmitted;

/**
 * Everything one evaluation of a district period reads.
 *
 * @param schools                  the registered schools, each with its statistics of the period (or none)
 * @param countyFigures            county figure sets; of several sets of one kind the last in the list counts (a
 *                                 resubmission replaces the previous set); sets of other districts or periods are
 *                                 ignored
 * @param attestations             attestations; per indicator and subject the latest ({@code assessedOn}, then list
 *                                 order) is in force; others' districts and periods are ignored
 * @param basicBalanceRecognisedIn year the county was recognised as 基本均衡 (readiness precondition); null when not
 *                                 recorded, which readiness reports
 * @param basicBalanceMonitoring   per year since the recognition, whether the yearly 基本均衡 monitoring found the
 *                                 county still at a high level (the precondition's second part)
 */
public record DistrictInputs(
        String districtCode,
        int period,
        List<SchoolInput> schools,
        List<CountyFiguresSubmitted> countyFigures,
        List<AttestationRecorded> attestations,
        @Nullable Integer basicBalanceRecognisedIn,
        Map<Integer, Boolean> basicBalanceMonitoring) {

    public DistrictInputs {
        Objects.requireNonNull(districtCode, "districtCode");
        schools = List.copyOf(schools);
        countyFigures = List.copyOf(countyFigures);
        attestations = List.copyOf(attestations);
        basicBalanceMonitoring = Map.copyOf(basicBalanceMonitoring);
    }

    /** Inputs without any yearly monitoring recorded. */
    public DistrictInputs(String districtCode, int period, List<SchoolInput> schools,
                          List<CountyFiguresSubmitted> countyFigures, List<AttestationRecorded> attestations,
                          @Nullable Integer basicBalanceRecognisedIn) {
        this(districtCode, period, schools, countyFigures, attestations, basicBalanceRecognisedIn, Map.of());
    }

    /** Inputs without a recorded basic-balance recognition year. */
    public static DistrictInputs of(String districtCode, int period, List<SchoolInput> schools,
                                    List<CountyFiguresSubmitted> countyFigures,
                                    List<AttestationRecorded> attestations) {
        return new DistrictInputs(districtCode, period, schools, countyFigures, attestations, null);
    }

    public DistrictInputs withSchools(List<SchoolInput> newSchools) {
        return new DistrictInputs(districtCode, period, newSchools, countyFigures, attestations,
                basicBalanceRecognisedIn, basicBalanceMonitoring);
    }

    public DistrictInputs withCountyFigures(List<CountyFiguresSubmitted> newFigures) {
        return new DistrictInputs(districtCode, period, schools, newFigures, attestations, basicBalanceRecognisedIn,
                basicBalanceMonitoring);
    }

    public DistrictInputs withAttestations(List<AttestationRecorded> newAttestations) {
        return new DistrictInputs(districtCode, period, schools, countyFigures, newAttestations,
                basicBalanceRecognisedIn, basicBalanceMonitoring);
    }

    public DistrictInputs withBasicBalanceRecognisedIn(@Nullable Integer year) {
        return new DistrictInputs(districtCode, period, schools, countyFigures, attestations, year,
                basicBalanceMonitoring);
    }

    public DistrictInputs withBasicBalanceMonitoring(Map<Integer, Boolean> monitoring) {
        return new DistrictInputs(districtCode, period, schools, countyFigures, attestations,
                basicBalanceRecognisedIn, monitoring);
    }
}
