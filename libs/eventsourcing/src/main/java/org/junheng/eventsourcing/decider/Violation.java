package org.junheng.eventsourcing.decider;

/**
 * One thing wrong with what a caller sent. {@code field} is the path the caller knows ({@code sections[P].pupils},
 * {@code If-Match}, a query parameter); {@code value} what it held.
 *
 * <p>An {@link Level#ERROR} refuses the request; a {@link Level#WARNING} (an implausible but possible value) refuses
 * it until the sender confirms it, because a unit slip (万 m² for m²) would silently break every indicator.
 */
public record Violation(String field, Object value, String reason, Level level) {

    public enum Level { ERROR, WARNING }

    public static Violation error(String field, Object value, String reason) {
        return new Violation(field, value, reason, Level.ERROR);
    }

    public static Violation warning(String field, Object value, String reason) {
        return new Violation(field, value, reason, Level.WARNING);
    }
}
