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

/** Which indicators are decided by a supervisor's judgment (督导认定), and of what: the county or each school. */
@Path("/api/v1/attested-indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "督导认定 Attestations")
public class AttestedIndicatorsResource {

    public record AttestedIndicator(IndicatorCode indicator, String name, SubjectLevel level) {
    }

    @GET
    @Operation(summary = "认定类指标 (the attested indicators and the level each is judged at)")
    public List<AttestedIndicator> list() {
        return Arrays.stream(IndicatorCode.values()).filter(Attestations.ATTESTED::containsKey)
                .map(i -> new AttestedIndicator(i, i.chineseName(), Attestations.ATTESTED.get(i))).toList();
    }
}
