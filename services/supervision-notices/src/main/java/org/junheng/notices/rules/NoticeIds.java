package org.junheng.notices.rules;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junheng.contracts.notices.Audience;

/**
 * Notice ids derived from what caused the notice, so redelivery of the triggering event, a replay or a second instance
 * of the service yields the same id and the notice store can ignore the duplicate.
 */
public final class NoticeIds {

    private NoticeIds() {
    }

    /** A name-based (version 3) UUID of {@code notice|<event id>|<audience key>}. */
    public static UUID forEvent(String eventId, Audience audience) {
        return nameBased("notice|" + eventId + "|" + audience.key());
    }

    static UUID nameBased(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
