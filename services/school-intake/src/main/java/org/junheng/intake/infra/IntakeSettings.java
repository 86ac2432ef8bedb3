package org.junheng.intake.infra;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junheng.intake.statistics.Submitters;

/** The intake's district-wide settings as beans. */
public class IntakeSettings {

    /** Who submits the schools' figures; the education commission's code as the identity provider names it. */
    @Produces
    @Singleton
    Submitters submitters(@ConfigProperty(name = "junheng.intake.education-commission", defaultValue = "jw")
                          String educationCommission) {
        return new Submitters(educationCommission);
    }
}
