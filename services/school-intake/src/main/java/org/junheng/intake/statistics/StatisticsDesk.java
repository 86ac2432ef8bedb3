package org.junheng.intake.statistics;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent;
import org.junheng.eventsourcing.ConcurrencyConflictException;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.intake.common.AggregateStore;
import org.junheng.intake.common.Codes;
import org.junheng.intake.common.PreconditionFailed;
import org.junheng.intake.common.Rejection;
import org.junheng.intake.registry.School;
import org.junheng.intake.registry.SchoolRegistry;

/** Submits and corrects a school's yearly statistics (学校年度统计). */
@ApplicationScoped
public class StatisticsDesk {

    public static final String STREAM_TYPE = "SchoolStatistics";

    private final AggregateStore aggregates;
    private final SchoolRegistry registry;

    public StatisticsDesk(EventStore store, SchoolRegistry registry) {
        this.aggregates = new AggregateStore(store);
        this.registry = registry;
    }

    /** A form and its version; {@code created} when this request submitted it for the first time. */
    public record Form(StatisticsForm.State form, long version, boolean created) {
    }

    public Uni<Form> find(String district, int period, String schoolCode) {
        Codes.requireDistrictAndSchool(district, schoolCode);
        org.junheng.service.ReportingYear.require(period);
        return aggregates.load(StatisticsForm.streamId(district, schoolCode, period),
                        StatisticsForm.State.initial(district, schoolCode, period), SchoolStatisticsEvent.class,
                        StatisticsForm::evolve)
                .map(loaded -> new Form(loaded.state(), loaded.version(), false));
    }

    /**
     * Without {@code ifMatch} a first submission; with it a correction of the version the caller saw, which needs a
     * reason. Returns the form afterwards.
     */
    public Uni<Form> submitOrCorrect(String district, int period, String schoolCode, SchoolStatistics statistics,
                                     String reason, boolean acceptWarnings, Long ifMatch, EventMetadata metadata) {
        return registry.require(district, schoolCode).flatMap(school -> find(district, period, schoolCode).flatMap(form -> {
            if (school.school().status() != School.Status.ACTIVE && !form.form().submitted()) {
                throw Rejection.conflict("school-not-active", "学校已撤销或合并，不再报送 (school " + schoolCode + " is "
                        + school.school().status().name().toLowerCase() + ")");
            }
            if (ifMatch != null && ifMatch != form.version()) {
                throw new PreconditionFailed(form.version());
            }
            StatisticsForm.Command command = ifMatch == null
                    ? new StatisticsForm.Submit(school.school().profile(), statistics, acceptWarnings)
                    : new StatisticsForm.Correct(school.school().profile(), statistics, reason, acceptWarnings);
            List<SchoolStatisticsEvent> events = StatisticsForm.decide(command, form.form());
            StatisticsForm.State after = form.form();
            for (SchoolStatisticsEvent event : events) {
                after = StatisticsForm.evolve(after, event);
            }
            StatisticsForm.State result = after;
            return aggregates.append(StatisticsForm.streamId(district, schoolCode, period), STREAM_TYPE, form.version(),
                            events, metadata.withSubject(district + "/" + schoolCode + "/" + period))
                    .map(version -> new Form(result, version, form.version() == 0 && !events.isEmpty()))
                    .onFailure(ConcurrencyConflictException.class)
                    .transform(conflict -> ifMatch != null ? new PreconditionFailed(-1) : conflict);
        }));
    }
}
