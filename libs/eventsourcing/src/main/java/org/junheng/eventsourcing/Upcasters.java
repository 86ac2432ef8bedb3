package org.junheng.eventsourcing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Turns old event versions into the current one on read, so the log is never rewritten and the code knows only the
 * current records. Each step maps one type ({@code FindingRaised.v1}) to the next ({@code FindingRaised.v2}); steps
 * chain.
 */
public final class Upcasters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Step> steps = new HashMap<>();

    private record Step(String toType, UnaryOperator<ObjectNode> transform) {
    }

    public static Upcasters none() {
        return new Upcasters();
    }

    public Upcasters register(String fromType, String toType, UnaryOperator<ObjectNode> transform) {
        if (fromType.equals(toType)) {
            throw new IllegalArgumentException("an upcaster must change the type: " + fromType);
        }
        if (steps.putIfAbsent(fromType, new Step(toType, transform)) != null) {
            throw new IllegalArgumentException("two upcasters from " + fromType);
        }
        return this;
    }

    public StoredEvent upcast(StoredEvent event) {
        Step step = steps.get(event.eventType());
        if (step == null) {
            return event;
        }
        try {
            String type = event.eventType();
            ObjectNode payload = (ObjectNode) JSON.readTree(event.payloadJson());
            int guard = 0;
            while (step != null) {
                payload = step.transform().apply(payload);
                type = step.toType();
                step = steps.get(type);
                if (++guard > 100) {
                    throw new IllegalStateException("upcaster cycle at " + type);
                }
            }
            return event.withType(type, JSON.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot upcast " + event.eventType() + " " + event.eventId(), e);
        }
    }
}
