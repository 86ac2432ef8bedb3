package org.junheng.eventsourcing.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.Consumer;
import org.junheng.eventsourcing.decider.Decider;
import org.junheng.eventsourcing.decider.Refusal;

/**
 * A decider tested the way it is read: given these past events, when this command arrives, then these events
 * follow — or this refusal.
 *
 * <pre>
 * DeciderSpec.of(Task.DECIDER, null).given(opened, assigned).when(plan).then(planSubmitted);
 * </pre>
 */
public final class DeciderSpec<S, C, E> {

    private final Decider<S, C, E> decider;
    private final S initial;

    private DeciderSpec(Decider<S, C, E> decider, S initial) {
        this.decider = decider;
        this.initial = initial;
    }

    public static <S, C, E> DeciderSpec<S, C, E> of(Decider<S, C, E> decider, S initial) {
        return new DeciderSpec<>(decider, initial);
    }

    @SafeVarargs
    public final Given given(E... history) {
        return given(List.of(history));
    }

    public Given given(List<? extends E> history) {
        return new Given(decider.fold(initial, history));
    }

    public final class Given {
        private final S state;

        private Given(S state) {
            this.state = state;
        }

        /** The state the history folds to. */
        public S state() {
            return state;
        }

        public When when(C command) {
            return new When(state, command);
        }
    }

    public final class When {
        private final S state;
        private final C command;

        private When(S state, C command) {
            this.state = state;
            this.command = command;
        }

        /** Exactly these events, in this order. */
        @SafeVarargs
        public final List<E> then(E... expected) {
            List<E> events = decide();
            assertEquals(List.of(expected), events, "events decided for " + command);
            return events;
        }

        /** The command changes nothing (a repeated request, an action already taken). */
        public void thenNothing() {
            assertEquals(List.of(), decide(), "no events for " + command);
        }

        /** The decided events, for assertions of their own. */
        public List<E> thenEvents(Consumer<List<E>> check) {
            List<E> events = decide();
            check.accept(events);
            return events;
        }

        /** The state after the decided events. */
        public S thenState() {
            return decider.fold(state, decide());
        }

        /** Refused as {@code kind} with the problem type {@code type}; returns the refusal for more checks. */
        public Refusal thenRefused(Refusal.Kind kind, String type) {
            Refusal refusal = assertThrows(Refusal.class, () -> decider.decide(state, command),
                    "a refusal of " + command);
            assertEquals(kind, refusal.kind(), "kind of the refusal: " + refusal.getMessage());
            assertEquals(type, refusal.type(), "type of the refusal: " + refusal.getMessage());
            return refusal;
        }

        private List<E> decide() {
            try {
                return decider.decide(state, command);
            } catch (Refusal refusal) {
                return fail("refused " + command + ": " + refusal.kind() + " " + refusal.type() + " — "
                        + refusal.getMessage());
            }
        }
    }
}
