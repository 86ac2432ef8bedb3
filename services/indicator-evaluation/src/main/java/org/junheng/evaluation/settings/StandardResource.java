package org.junheng.evaluation.settings;

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
    public List<StandardCatalogue> standards() {
        return List.of(standard.catalogue());
    }
}
