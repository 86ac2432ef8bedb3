package org.junheng.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository. Surefire runs the tests in the module directory, {@code k8s/}. */
final class Project {

    private static final Path ROOT = findRoot();

    private Project() {
    }

    static Path root() {
        return ROOT;
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("k8s/pom.xml")) && Files.isDirectory(candidate.resolve("services"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("not inside the Junheng repository: " + dir);
    }
}
