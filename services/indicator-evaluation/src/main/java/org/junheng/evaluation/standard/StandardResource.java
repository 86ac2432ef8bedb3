package org.junheng.evaluation.standard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.junheng.evaluation.infra.EvaluationWorkers;

/** The standard versions the service evaluates against, with every item, threshold and name. */
@Path("/api/v1/standards")
@Produces(MediaType.APPLICATION_JSON)
public class StandardResource {

    private final EvaluationWorkers workers;

    public StandardResource(EvaluationWorkers workers) {
        this.workers = workers;
    }

    @GET
    public List<StandardCatalogue> standards() {
        return List.of(workers.standard().catalogue());
    }
}
