package org.junheng.eventsourcing;

/**
 * A place in the global feed: the writing transaction's id ({@code xid8}) and the event's {@code global_position}.
 * The feed is ordered by this pair, not by {@code global_position} alone, because sequence values are taken before
 * commit: a slow transaction can commit a lower position after a higher one was already read.
 */
public record FeedPosition(long transactionId, long globalPosition) implements Comparable<FeedPosition> {

    public static final FeedPosition START = new FeedPosition(0, 0);

    @Override
    public int compareTo(FeedPosition other) {
        int byTransaction = Long.compare(transactionId, other.transactionId);
        return byTransaction != 0 ? byTransaction : Long.compare(globalPosition, other.globalPosition);
    }
}
