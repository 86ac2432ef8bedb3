package org.junheng.eventsourcing;

/**
 * What a writer believes a stream's current version is. A writer whose belief is stale gets a
 * {@link ConcurrencyConflictException} instead of silently overwriting another writer's decision.
 */
public record ExpectedVersion(long value) {

    private static final long ANY_VALUE = -1;

    public ExpectedVersion {
        if (value < ANY_VALUE) {
            throw new IllegalArgumentException("expected version must be >= 0 (or any): " + value);
        }
    }

    /** The stream must not exist yet. */
    public static ExpectedVersion noStream() {
        return new ExpectedVersion(0);
    }

    public static ExpectedVersion exactly(long version) {
        return new ExpectedVersion(version);
    }

    /** Append after whatever is there; still fails if another writer takes the same versions at the same moment. */
    public static ExpectedVersion any() {
        return new ExpectedVersion(ANY_VALUE);
    }

}
