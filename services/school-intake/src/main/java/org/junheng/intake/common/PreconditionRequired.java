package org.junheng.intake.common;

/** A change was sent without {@code If-Match}: the service will not guess which version the caller saw (HTTP 428). */
public final class PreconditionRequired extends RuntimeException {
    public PreconditionRequired() {
        super("If-Match is required to change this resource; read it first and send its ETag");
    }
}
