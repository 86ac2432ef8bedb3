package org.junheng.evaluation.infra;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.junheng.evaluation.standard.Standard;
import org.junheng.evaluation.standard.StandardCatalog;

/** The standard the service evaluates against, for whoever needs it (runner, resources, simulation). */
public class StandardInForce {

    @Produces
    @Singleton
    Standard standard() {
        return StandardCatalog.national();
    }
}
