package org.junheng.rectification.plan;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.junheng.contracts.rectification.PlanEvent;
import org.junheng.contracts.rectification.UnitEvent;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.decider.CommandHandler;

/**
 * The rectification plan of each district and year (stream {@code rectification-plan/<district>/<year>}) and each
 * district's responsible units (stream {@code responsible-units/<district>}), changed through their deciders.
 */
@ApplicationScoped
public class PlanStore {

    private final CommandHandler<RectificationPlan.State, RectificationPlan.Command, PlanEvent> plans;
    private final CommandHandler<ResponsibleUnits.State, ResponsibleUnits.Command, UnitEvent> units;

    public PlanStore(EventStore store) {
        this.plans = new CommandHandler<>(store, "RectificationPlan", PlanEvent.class, RectificationPlan.DECIDER);
        this.units = new CommandHandler<>(store, "ResponsibleUnits", UnitEvent.class, ResponsibleUnits.DECIDER);
    }

    static String planStream(String district, int period) {
        return "rectification-plan/" + district + "/" + period;
    }

    static String unitStream(String district) {
        return "responsible-units/" + district;
    }

    public Uni<CommandHandler.Loaded<RectificationPlan.State>> plan(SqlClient client, String district, int period) {
        return plans.load(client, planStream(district, period), RectificationPlan.State.none(district, period));
    }

    /** The plan as it stood at {@code asOf} (a report of an earlier day). */
    public Uni<CommandHandler.Loaded<RectificationPlan.State>> plan(SqlClient client, String district, int period,
                                                                   java.time.Instant asOf) {
        return plans.load(client, planStream(district, period), RectificationPlan.State.none(district, period), asOf);
    }

    public CommandHandler<RectificationPlan.State, RectificationPlan.Command, PlanEvent>.Request onPlan(
            String district, int period, EventMetadata metadata) {
        return plans.on(planStream(district, period), RectificationPlan.State.none(district, period))
                .metadata(metadata.withSubject(district + "/" + period));
    }

    public Uni<CommandHandler.Loaded<ResponsibleUnits.State>> units(SqlClient client, String district) {
        return units.load(client, unitStream(district), ResponsibleUnits.State.none(district));
    }

    public CommandHandler<ResponsibleUnits.State, ResponsibleUnits.Command, UnitEvent>.Request onUnits(
            String district, EventMetadata metadata) {
        return units.on(unitStream(district), ResponsibleUnits.State.none(district))
                .metadata(metadata.withSubject(district));
    }
}
