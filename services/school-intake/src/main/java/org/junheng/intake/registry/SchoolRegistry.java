package org.junheng.intake.registry;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junheng.contracts.schooldata.SchoolEvent;
import org.junheng.eventsourcing.ConcurrencyConflictException;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.intake.common.AggregateStore;
import org.junheng.intake.common.Codes;
import org.junheng.intake.common.PreconditionFailed;
import org.junheng.intake.common.Rejection;

/** The district's school register: commands on one school, and the register as a list. */
@ApplicationScoped
public class SchoolRegistry {

    public static final String STREAM_TYPE = "School";

    private final AggregateStore aggregates;

    public SchoolRegistry(EventStore store) {
        this.aggregates = new AggregateStore(store);
    }

    /** A school as the register holds it, with the version that is its ETag. */
    public record Entry(School.State school, long version) {
    }

    public Uni<Entry> find(String district, String schoolCode) {
        Codes.requireDistrictAndSchool(district, schoolCode);
        return aggregates.load(School.streamId(district, schoolCode), School.State.initial(district, schoolCode),
                SchoolEvent.class, School::evolve).map(loaded -> new Entry(loaded.state(), loaded.version()));
    }

    /** The school as it must exist for data to be submitted about it. */
    public Uni<Entry> require(String district, String schoolCode) {
        return find(district, schoolCode).map(entry -> {
            if (!entry.school().exists()) {
                throw Rejection.notFound("school-not-found", "学校未登记 (school " + schoolCode
                        + " is not registered in district " + district + ")");
            }
            return entry;
        });
    }

    /**
     * Applies a command at the version the caller saw ({@code ifMatch}, or the current one when the caller sent none);
     * returns the entry afterwards.
     */
    public Uni<Entry> handle(String district, String schoolCode, School.Command command, Long ifMatch,
                             EventMetadata metadata) {
        return find(district, schoolCode).flatMap(entry -> {
            if (!(command instanceof School.Register) && !entry.school().exists()) {
                // a missing school is 404 whatever version the caller names
                throw Rejection.notFound("school-not-found", "学校未登记 (school " + schoolCode
                        + " is not registered in district " + district + ")");
            }
            if (ifMatch != null && ifMatch != entry.version()) {
                throw new PreconditionFailed(entry.version());
            }
            List<SchoolEvent> events = School.decide(command, entry.school());
            School.State after = entry.school();
            for (SchoolEvent event : events) {
                after = School.evolve(after, event);
            }
            School.State result = after;
            return aggregates.append(School.streamId(district, schoolCode), STREAM_TYPE, entry.version(), events,
                            metadata.withSubject(district + "/" + schoolCode))
                    .map(version -> new Entry(result, version))
                    .onFailure(ConcurrencyConflictException.class).transform(conflict -> ifMatch != null
                            ? new PreconditionFailed(-1) : conflict);
        });
    }

    public Uni<List<Entry>> list(String district) {
        org.junheng.service.DistrictCode.require(district);
        return aggregates.eventStore().readStreamsWithPrefix("school/" + district + "/").map(events -> {
            Map<String, Entry> schools = new LinkedHashMap<>();
            for (StoredEvent stored : events) {
                SchoolEvent event = (SchoolEvent) PublishedEvents.read(stored);
                Entry before = schools.getOrDefault(stored.streamId(),
                        new Entry(School.State.initial(district, event.schoolCode()), 0));
                schools.put(stored.streamId(), new Entry(School.evolve(before.school(), event), stored.version()));
            }
            return new ArrayList<>(schools.values());
        });
    }
}
