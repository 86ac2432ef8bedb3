package org.junheng.notices.rules;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.contracts.rectification.TaskEvent.TaskOpened;

/**
 * Task facts held in memory, fed with task events in stream order: the reference for the service's table, and the
 * stand-in for it in tests.
 */
public final class InMemoryTaskFacts implements TaskFacts {

    private final Map<UUID, TaskFact> facts = new ConcurrentHashMap<>();

    @Override
    public Optional<TaskFact> find(UUID taskId) {
        return Optional.ofNullable(facts.get(taskId));
    }

    /**
     * Records a TaskOpened, or evolves the known facts of the task; events of unknown tasks are ignored. A redelivered
     * TaskOpened does not reset facts a later reassignment or extension already changed.
     */
    public InMemoryTaskFacts apply(TaskEvent event) {
        if (event instanceof TaskOpened opened) {
            facts.putIfAbsent(opened.taskId(), TaskFact.from(opened));
        } else {
            facts.computeIfPresent(event.taskId(), (id, fact) -> fact.evolve(event));
        }
        return this;
    }

    public int size() {
        return facts.size();
    }
}
