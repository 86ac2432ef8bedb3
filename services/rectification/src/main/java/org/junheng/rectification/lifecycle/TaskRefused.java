package org.junheng.rectification.lifecycle;

/**
 * A command the task refuses. {@code code} is a stable slug (the problem type); the message says why in Chinese and
 * English. {@link Kind#CONFLICT} is an illegal transition (HTTP 409), {@link Kind#INVALID} bad input (HTTP 400).
 */
public final class TaskRefused extends RuntimeException {

    public enum Kind { CONFLICT, INVALID }

    private final Kind kind;
    private final String code;

    public TaskRefused(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    static TaskRefused illegal(String action, TaskStatus status) {
        return new TaskRefused(Kind.CONFLICT, "illegal-transition", "任务状态为「" + status.label() + "」，不能" + action
                + " (" + action + " is not allowed while the task is " + status.name() + ")");
    }

    static TaskRefused invalid(String code, String message) {
        return new TaskRefused(Kind.INVALID, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
