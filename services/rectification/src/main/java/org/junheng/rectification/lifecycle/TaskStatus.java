package org.junheng.rectification.lifecycle;

import org.junheng.contracts.Labelled;

/** Where a rectification task stands: open → assigned → planned → in progress → submitted → verified → closed. */
public enum TaskStatus implements Labelled {
    OPEN("待分派"),
    ASSIGNED("已分派"),
    PLANNED("已制定方案"),
    IN_PROGRESS("整改中"),
    SUBMITTED("待核验"),
    VERIFIED("已核验"),
    CLOSED("已销号");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Deadlines, reminders and escalation stop once the fix is confirmed. */
    public boolean settled() {
        return this == VERIFIED || this == CLOSED;
    }
}
