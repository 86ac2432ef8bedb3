package org.junheng.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InfraSourceTest {

    @Test
    void autoTakesContainersExactlyWhenAnEngineAnswers() {
        assertEquals(InfraSource.CONTAINERS, InfraSource.choose(null, () -> true));
        assertEquals(InfraSource.LOCAL, InfraSource.choose(" AUTO ", () -> false));
    }

    @Test
    void localNeverAsksTheEngineAndContainersWithoutOneFailsAtOnce() {
        AtomicInteger asked = new AtomicInteger();
        assertEquals(InfraSource.LOCAL, InfraSource.choose("local", () -> asked.incrementAndGet() > 0));
        assertEquals(0, asked.get());
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> InfraSource.choose("containers", () -> false));
        assertTrue(failure.getMessage().contains("no Docker engine answers"), failure.getMessage());
        assertEquals(InfraSource.CONTAINERS, InfraSource.choose("containers", () -> true));
        assertThrows(IllegalArgumentException.class, () -> InfraSource.choose("podman", () -> true));
    }

    /** These machines have the Docker client but no engine: no socket, no DOCKER_HOST, so the local path. */
    @Test
    void withoutASocketOrDockerHostNoEngineAnswersAndAutoIsLocal() {
        String host = System.getenv("DOCKER_HOST");
        boolean noEngineConfigured = (host == null || host.isBlank())
                && InfraSource.sockets().stream().noneMatch(Files::exists);
        if (noEngineConfigured) {
            assertFalse(InfraSource.dockerEngineAnswers());
            assertEquals(InfraSource.LOCAL, InfraSource.choose("auto", InfraSource::dockerEngineAnswers));
        } else {
            // an engine may answer here: whatever it says, auto follows it
            assertEquals(InfraSource.dockerEngineAnswers() ? InfraSource.CONTAINERS : InfraSource.LOCAL,
                    InfraSource.choose("auto", InfraSource::dockerEngineAnswers));
        }
    }
}
