package org.junheng.infra;

import java.util.concurrent.locks.LockSupport;

final class Pause {
    private Pause() {
    }

    /** Between readiness probes of a starting server (no test waits on this). */
    static void briefly() {
        LockSupport.parkNanos(100_000_000L);
    }
}
