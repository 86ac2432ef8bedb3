package org.junheng.intake.registry;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junheng.contracts.schooldata.SchoolEvent;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.decider.CommandHandler;
import org.junheng.service.SchoolCode;

/** The district's school register: commands on one school, and the register as a list. */
@ApplicationScoped
public class SchoolRegistry {

    public static final String STREAM_TYPE = "School";

    private final Pool pool;
    private final EventStore store;
    private final CommandHandler<School.State, School.Command, SchoolEvent> schools;

    public SchoolRegistry(EventStore store) {
        this.pool = store.pool();
        this.store = store;
        this.schools = new CommandHandler<>(store, STREAM_TYPE, SchoolEvent.class, School.DECIDER);
    }

    /** A school as the register holds it, with the version that is its ETag. */
    public record Entry(School.State school, long version) {
    }

    public Uni<Entry> find(String district, String schoolCode) {
        SchoolCode.requireWithDistrict(district, schoolCode);
        return schools.load(pool, School.streamId(district, schoolCode), School.State.initial(district, schoolCode))
                .map(loaded -> new Entry(loaded.state(), loaded.version()));
    }

    /** The school as it must exist for data to be submitted about it (404 otherwise). */
    public Uni<Entry> require(String district, String schoolCode) {
        return find(district, schoolCode).invoke(entry -> School.requireRegistered(entry.school()));
    }

    /**
     * Applies a command at the version the caller saw ({@code ifMatch}, or the current one when the caller sent none);
     * returns the entry afterwards.
     */
    public Uni<Entry> handle(String district, String schoolCode, School.Command command, Long ifMatch,
                             EventMetadata metadata) {
        SchoolCode.requireWithDistrict(district, schoolCode);
        return schools.on(School.streamId(district, schoolCode), School.State.initial(district, schoolCode))
                .ifMatch(ifMatch)
                // a missing school is 404 whatever version the caller names
                .check((school, version) -> {
                    if (!(command instanceof School.Register)) {
                        School.requireRegistered(school);
                    }
                })
                .command(command)
                .metadata(metadata.withSubject(district + "/" + schoolCode))
                .run(pool)
                .map(handled -> new Entry(handled.state(), handled.version()));
    }

    public Uni<List<Entry>> list(String district) {
        org.junheng.service.DistrictCode.require(district);
        return store.readStreamsWithPrefix("school/" + district + "/").map(events -> {
            Map<String, List<StoredEvent>> streams = new LinkedHashMap<>();
            events.forEach(event -> streams.computeIfAbsent(event.streamId(), id -> new ArrayList<>()).add(event));
            List<Entry> entries = new ArrayList<>();
            streams.forEach((streamId, stream) -> {
                String schoolCode = streamId.substring(streamId.lastIndexOf('/') + 1);
                var loaded = schools.fold(stream, School.State.initial(district, schoolCode), null);
                entries.add(new Entry(loaded.state(), loaded.version()));
            });
            return entries;
        });
    }
}
