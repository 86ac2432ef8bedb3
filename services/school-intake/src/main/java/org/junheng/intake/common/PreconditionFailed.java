package org.junheng.intake.common;

/** The caller's {@code If-Match} names a version that is no longer current (HTTP 412). */
public final class PreconditionFailed extends RuntimeException {

    private final long currentVersion;

    public PreconditionFailed(long currentVersion) {
        super("the resource changed since it was read; current version " + currentVersion);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
