package org.junheng.intake.attestations;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.SubjectLevel;
import org.junheng.contracts.schooldata.AttestationVerdict;

/** Which indicators are decided by a supervisor's judgment (督导认定), and of what: the county or each school. */
@Path("/api/v1/attested-indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "督导认定 Attestations")
public class AttestedIndicatorsResource {

    /** An item a supervisor judges, at which level, and the verdicts it takes. */
    public record AttestedIndicator(IndicatorCode indicator, String name, SubjectLevel level,
                                    List<AttestationVerdict> verdicts) {
    }

    @GET
    @Operation(summary = "认定类指标 (the attested indicators, the level each is judged at and its verdicts; GG7, GG11, "
            + "GG15 and EQ2 take only NOT_APPLICABLE, for a zero base)")
    public List<AttestedIndicator> list() {
        return Arrays.stream(IndicatorCode.values())
                .filter(i -> Attestations.ATTESTED.containsKey(i) || Attestations.DECLARABLE_NOT_APPLICABLE.contains(i))
                .map(i -> Attestations.DECLARABLE_NOT_APPLICABLE.contains(i)
                        ? new AttestedIndicator(i, i.shortName(), SubjectLevel.COUNTY,
                        List.of(AttestationVerdict.NOT_APPLICABLE))
                        : new AttestedIndicator(i, i.chineseName(), Attestations.ATTESTED.get(i),
                        List.of(AttestationVerdict.MET, AttestationVerdict.UNMET)))
                .toList();
    }
}
