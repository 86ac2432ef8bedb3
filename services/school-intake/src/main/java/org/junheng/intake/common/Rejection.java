package org.junheng.intake.common;

import java.util.List;
import org.junheng.intake.statistics.Violation;

/** A command the domain refuses; the REST layer turns the kind into the HTTP status of its problem body. */
public final class Rejection extends RuntimeException {

    public enum Kind {
        /** bad input: 400 (warnings only: 422 until confirmed) */
        INVALID,
        /** the thing does not exist: 404 */
        NOT_FOUND,
        /** the request contradicts the current state: 409 */
        CONFLICT,
        /** the caller may not do this to this thing: 403 */
        FORBIDDEN
    }

    private final Kind kind;
    private final String type;
    private final List<Violation> violations;

    public Rejection(Kind kind, String type, String message, List<Violation> violations) {
        super(message);
        this.kind = kind;
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    public static Rejection invalid(String message, List<Violation> violations) {
        return new Rejection(Kind.INVALID, "validation", message, violations);
    }

    public static Rejection notFound(String type, String message) {
        return new Rejection(Kind.NOT_FOUND, type, message, List.of());
    }

    public static Rejection forbidden(String type, String message) {
        return new Rejection(Kind.FORBIDDEN, type, message, List.of());
    }

    public static Rejection conflict(String type, String message) {
        return new Rejection(Kind.CONFLICT, type, message, List.of());
    }

    public Kind kind() {
        return kind;
    }

    /** Stable slug of the problem type, e.g. {@code school-not-found}. */
    public String type() {
        return type;
    }

    public List<Violation> violations() {
        return violations;
    }

    public boolean onlyWarnings() {
        return !violations.isEmpty() && violations.stream().allMatch(v -> v.level() == Violation.Level.WARNING);
    }
}
