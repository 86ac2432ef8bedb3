package org.junheng.eventsourcing.decider;

import java.util.List;

/**
 * A request refused, by the domain or at the edge: the one refusal type of every service. {@link Kind} says what
 * sort of refusal it is (the services' problem mapper turns it into the HTTP status of an RFC 9457 body), {@code type}
 * is a stable slug of the problem, the message the detail in Chinese with English, {@code errors} the fields
 * ({@link Violation}) or file cells it names.
 */
public class Refusal extends RuntimeException {

    public enum Kind {
        /** bad input */
        INVALID,
        /** only implausible values: refused until the sender confirms them */
        IMPLAUSIBLE,
        /** the caller may not do this */
        FORBIDDEN,
        /** the thing does not exist, or not for this caller */
        NOT_FOUND,
        /** the request contradicts the current state */
        CONFLICT,
        /** the caller's version (If-Match) is no longer current */
        STALE,
        /** a change that must name the version it was made against did not */
        VERSION_REQUIRED,
        /** a body or file over its limit */
        TOO_LARGE,
        /** a file of a kind the service does not take */
        UNSUPPORTED_TYPE,
        /** well-formed but cannot be processed as it stands (a file with problems, a record still failing) */
        UNPROCESSABLE,
        /** too many requests of this kind for now */
        TOO_MANY
    }

    private final Kind kind;
    private final String type;
    private final String title;
    private final List<?> errors;

    /** @param title the problem's title; null for the kind's own */
    public Refusal(Kind kind, String type, String title, String detail, List<?> errors) {
        super(detail);
        this.kind = kind;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Bad input; when every violation is only a warning, implausible input the sender may confirm. */
    public static Refusal invalid(String detail, List<Violation> violations) {
        boolean onlyWarnings = !violations.isEmpty()
                && violations.stream().allMatch(v -> v.level() == Violation.Level.WARNING);
        return onlyWarnings ? new Refusal(Kind.IMPLAUSIBLE, "implausible-values", null, detail, violations)
                : new Refusal(Kind.INVALID, "validation", null, detail, violations);
    }

    /** Bad input with a slug of its own. */
    public static Refusal invalid(String type, String detail) {
        return new Refusal(Kind.INVALID, type, null, detail, List.of());
    }

    /** One bad field: {@code field} names it as the client sent it (query parameter, JSON path, header). */
    public static Refusal invalidField(String field, Object value, String reason) {
        return invalid(reason, List.of(Violation.error(field, value, reason)));
    }

    /** One bad field, with a slug of its own ({@code reason-required}). */
    public static Refusal invalidField(String type, String field, Object value, String reason) {
        return new Refusal(Kind.INVALID, type, null, reason, List.of(Violation.error(field, value, reason)));
    }

    public static Refusal notFound(String type, String detail) {
        return new Refusal(Kind.NOT_FOUND, type, null, detail, List.of());
    }

    public static Refusal forbidden(String detail) {
        return forbidden("forbidden", detail);
    }

    public static Refusal forbidden(String type, String detail) {
        return new Refusal(Kind.FORBIDDEN, type, null, detail, List.of());
    }

    public static Refusal conflict(String type, String detail) {
        return new Refusal(Kind.CONFLICT, type, null, detail, List.of());
    }

    public static Refusal stale() {
        return new Refusal(Kind.STALE, "stale-version", null,
                "If-Match所指的版本已不是当前版本，请重新读取后再修改 (If-Match does not name the current version; read "
                        + "the resource again and repeat the change)", List.of());
    }

    public static Refusal versionRequired() {
        return new Refusal(Kind.VERSION_REQUIRED, "if-match-required", null,
                "send the ETag you read as If-Match so a concurrent change cannot be lost", List.of());
    }

    public Kind kind() {
        return kind;
    }

    /** Stable slug of the problem type, e.g. {@code school-not-found}. */
    public String type() {
        return type;
    }

    /** The title the refusal chose, or null for its kind's. */
    public String title() {
        return title;
    }

    public List<?> errors() {
        return errors;
    }
}
