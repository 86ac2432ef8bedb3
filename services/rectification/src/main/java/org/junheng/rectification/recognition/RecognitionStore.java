package org.junheng.rectification.recognition;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.junheng.contracts.rectification.RecognitionEvent;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.decider.CommandHandler;

/** Each district's road to recognition: one stream per district, changed through {@link Recognition}. */
@ApplicationScoped
public class RecognitionStore {

    public static final String STREAM_TYPE = "Recognition";

    private final CommandHandler<Recognition.State, Recognition.Command, RecognitionEvent> handler;

    public RecognitionStore(EventStore store) {
        this.handler = new CommandHandler<>(store, STREAM_TYPE, RecognitionEvent.class, Recognition.DECIDER);
    }

    public static String stream(String district) {
        return "recognition/" + district;
    }

    public Uni<CommandHandler.Loaded<Recognition.State>> load(SqlClient client, String district) {
        return handler.load(client, stream(district), Recognition.State.none(district));
    }

    /** A command on the district's stream, to configure and run. */
    public CommandHandler<Recognition.State, Recognition.Command, RecognitionEvent>.Request on(String district,
                                                                                             EventMetadata metadata) {
        return handler.on(stream(district), Recognition.State.none(district))
                .metadata(metadata.withSubject(district));
    }
}
