package org.junheng.evaluation.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junheng.contracts.PublishedEvent;
import org.junheng.contracts.evaluation.EvaluationEvent;
import org.junheng.contracts.evaluation.EvaluationEvent.EvaluationCompleted;
import org.junheng.contracts.evaluation.FindingEvent.FindingResolved;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.published.PublishedEvents;

/**
 * A ledger as it stood at a past time, folded straight from the log (pure): the lines of the last run completed by
 * then, and which findings had been resolved by then.
 */
public final class LedgerAsOf {

    private LedgerAsOf() {
    }

    /**
     * @param events the district period's evaluation and finding streams in feed order
     * @param asOf   only events recorded up to then count
     */
    public static List<LedgerLine> fold(List<StoredEvent> events, Instant asOf) {
        List<LedgerEntry> pending = new ArrayList<>();
        List<LedgerEntry> current = List.of();
        Set<UUID> resolvedEver = new HashSet<>();
        for (StoredEvent stored : events) {
            if (stored.recordedAt().isAfter(asOf)) {
                continue;
            }
            PublishedEvent event = PublishedEvents.read(stored);
            if (event instanceof FindingResolved resolved) {
                resolvedEver.add(resolved.findingId());
            } else if (event instanceof EvaluationCompleted) {
                current = List.copyOf(pending);
                pending.clear();
            } else if (event instanceof EvaluationEvent result) {
                pending.addAll(LedgerEntry.of(result));
            }
        }
        return current.stream().map(entry -> LedgerLine.of(entry, resolvedEver.contains(entry.findingId())))
                .toList();
    }
}
