package org.junheng.evaluation.settings;

import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.junheng.evaluation.standard.Standard;
import org.junheng.evaluation.standard.StandardCatalogue;

/** The standard versions the service evaluates against, with every item, threshold and name. */
@Path("/api/v1/standards")
@Produces(MediaType.APPLICATION_JSON)
public class StandardResource {

    private final Standard standard;

    public StandardResource(Standard standard) {
        this.standard = standard;
    }

    @GET
    @Operation(summary = "评估标准 The standards the evaluation knows",
            description = "每个标准版本的指标、阈值与公式，即评估所依据的国家标准。")
    public List<StandardCatalogue> standards() {
        return List.of(standard.catalogue());
    }
}
