package org.junheng.intake.countyfigures;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.junheng.contracts.schooldata.CountyFigureSetKind;
import org.junheng.contracts.schooldata.CountyFiguresEvent;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.decider.CommandHandler;
import org.junheng.eventsourcing.decider.Refusal;

/** Submits and reads the county figure sets (县级数据) of a district's year. */
@ApplicationScoped
public class CountyFiguresDesk {

    public static final String STREAM_TYPE = "CountyFigures";

    private final Pool pool;
    private final CommandHandler<CountyFigures.State, CountyFigures.Submit, CountyFiguresEvent> sets;

    public CountyFiguresDesk(EventStore store) {
        this.pool = store.pool();
        this.sets = new CommandHandler<>(store, STREAM_TYPE, CountyFiguresEvent.class, CountyFigures.DECIDER);
    }

    /** A set as it stands and its version (the ETag); {@code created} when this request submitted it first. */
    public record Figures(CountyFigures.State state, long version, boolean created) {
    }

    /**
     * Every mistake in the content is named first, whatever the version; who may submit is decided before any
     * version is compared; replacing a submitted set needs the version the
     * caller read ({@code ifMatch}, else 428).
     *
     * @param actingDepartment the caller's department, null for the office
     */
    public Uni<Figures> submit(String district, int year, CountyFigureSetKind kind, CountyFigures.Submit submit,
                               Long ifMatch, String actingDepartment, EventMetadata metadata) {
        return sets.on(CountyFigures.streamId(district, year, kind), CountyFigures.initial(district, year, kind))
                .ifMatch(ifMatch)
                .check((state, version) -> {
                    CountyFigures.validate(kind, submit.department(), submit.values());
                    CountyFigures.requireMaySubmit(actingDepartment, submit.department(), state);
                    if (state.submitted() && ifMatch == null) {
                        throw Refusal.versionRequired();
                    }
                })
                .command(submit)
                .metadata(metadata.withSubject(district + "/county"))
                .run(pool)
                .map(handled -> new Figures(handled.state(), handled.version(), handled.previousVersion() == 0));
    }

    /** The set in force; 404 when none was submitted. */
    public Uni<Figures> find(String district, int year, CountyFigureSetKind kind) {
        return sets.load(pool, CountyFigures.streamId(district, year, kind), CountyFigures.initial(district, year, kind))
                .map(loaded -> {
                    if (!loaded.state().submitted()) {
                        throw Refusal.notFound("county-figures-not-found", "尚未报送 (not submitted yet)");
                    }
                    return new Figures(loaded.state(), loaded.version(), false);
                });
    }
}
