package org.junheng.notices.rules;

import java.util.Optional;
import java.util.UUID;

/**
 * Read access to the task facts table the service fills from TaskOpened, TaskReassigned, DeadlineExtended and
 * TaskReopened ({@link TaskFact#from}, {@link TaskFact#evolve}). Empty when the task's opening was never seen (e.g.
 * the service joined mid-history); rules then fall back to what the event itself carries.
 */
@FunctionalInterface
public interface TaskFacts {

    Optional<TaskFact> find(UUID taskId);

    /** No facts at all: every rule uses the triggering event alone. */
    static TaskFacts none() {
        return taskId -> Optional.empty();
    }
}
