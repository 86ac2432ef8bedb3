package org.junheng.eventsourcing;

import java.util.ArrayList;
import java.util.List;

/** Small event factories for the kit's tests (the kit knows no business events). */
final class Events {

    static final EventMetadata METADATA = new EventMetadata("500104", "corr-1", null,
            new EventMetadata.Actor("zhang.wei", "supervisor", "区政府教育督导室"), null,
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null);

    private Events() {
    }

    static NewEvent named(String type, String text) {
        return NewEvent.of(type, "{\"text\":\"" + text + "\"}", METADATA);
    }

    static List<NewEvent> many(String type, int count) {
        List<NewEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(named(type, "事件 " + i));
        }
        return events;
    }
}
