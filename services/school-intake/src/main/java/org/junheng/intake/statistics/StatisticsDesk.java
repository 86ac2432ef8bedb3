package org.junheng.intake.statistics;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.decider.CommandHandler;
import org.junheng.intake.registry.SchoolRegistry;
import org.junheng.service.SchoolCode;

/** Submits and corrects a school's yearly statistics (学校年度统计). */
@ApplicationScoped
public class StatisticsDesk {

    public static final String STREAM_TYPE = "SchoolStatistics";

    private final Pool pool;
    private final SchoolRegistry registry;
    private final CommandHandler<StatisticsForm.State, StatisticsForm.Command, SchoolStatisticsEvent> forms;

    public StatisticsDesk(EventStore store, SchoolRegistry registry) {
        this.pool = store.pool();
        this.registry = registry;
        this.forms = new CommandHandler<>(store, STREAM_TYPE, SchoolStatisticsEvent.class, StatisticsForm.DECIDER);
    }

    public CommandHandler<StatisticsForm.State, StatisticsForm.Command, SchoolStatisticsEvent> forms() {
        return forms;
    }

    /** A form and its version; {@code created} when this request submitted it for the first time. */
    public record Form(StatisticsForm.State form, long version, boolean created) {
    }

    public Uni<Form> find(String district, int period, String schoolCode) {
        SchoolCode.requireWithDistrict(district, schoolCode);
        org.junheng.service.ReportingYear.require(period);
        return forms.load(pool, StatisticsForm.streamId(district, schoolCode, period),
                        StatisticsForm.State.initial(district, schoolCode, period))
                .map(loaded -> new Form(loaded.state(), loaded.version(), false));
    }

    /**
     * Without {@code ifMatch} a first submission; with it a correction of the version the caller saw, which needs a
     * reason. Returns the form afterwards.
     */
    public Uni<Form> submitOrCorrect(String district, int period, String schoolCode, SchoolStatistics statistics,
                                     String reason, boolean acceptWarnings, Long ifMatch, EventMetadata metadata) {
        SchoolCode.requireWithDistrict(district, schoolCode);
        org.junheng.service.ReportingYear.require(period);
        return registry.find(district, schoolCode).flatMap(school -> forms
                .on(StatisticsForm.streamId(district, schoolCode, period),
                        StatisticsForm.State.initial(district, schoolCode, period))
                .ifMatch(ifMatch)
                .check((form, version) -> org.junheng.intake.registry.School.requireRegistered(school.school()))
                .commands(form -> java.util.List.of(ifMatch == null
                        ? new StatisticsForm.Submit(school.school(), statistics, acceptWarnings)
                        : new StatisticsForm.Correct(school.school(), statistics, reason, acceptWarnings)))
                .metadata(metadata.withSubject(district + "/" + schoolCode + "/" + period))
                .run(pool)
                .map(handled -> new Form(handled.state(), handled.version(), handled.created())));
    }
}
