package org.junheng.infra;

import java.nio.file.Path;

final class Java {
    private Java() {
    }

    /** The java launcher of the running JVM, so child JVMs use the same JDK. */
    static String binary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
