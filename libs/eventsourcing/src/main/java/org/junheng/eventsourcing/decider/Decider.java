package org.junheng.eventsourcing.decider;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * An aggregate as two pure functions: {@link #decide} answers a command on the current state with the events it
 * causes (none when it changes nothing, a {@link Refusal} when it may not happen); {@link #evolve} applies an event.
 * The state is the fold of the stream's events over an initial state. {@link CommandHandler} runs one against the
 * event store; {@code DeciderSpec} (the kit's test jar) tests one given/when/then.
 */
public interface Decider<S, C, E> {

    /** A decider from its two functions, e.g. {@code Decider.of(School::decide, School::evolve)}. */
    static <S, C, E> Decider<S, C, E> of(BiFunction<S, C, List<E>> decide, BiFunction<S, E, S> evolve) {
        return new Decider<>() {
            @Override
            public List<E> decide(S state, C command) {
                return decide.apply(state, command);
            }

            @Override
            public S evolve(S state, E event) {
                return evolve.apply(state, event);
            }
        };
    }

    List<E> decide(S state, C command);

    S evolve(S state, E event);

    default S fold(S state, List<? extends E> events) {
        S folded = state;
        for (E event : events) {
            folded = evolve(folded, event);
        }
        return folded;
    }

    /** Several commands decided in turn, each on the state the previous one's events left. */
    default Decision<S, E> decideAll(S state, List<? extends C> commands) {
        List<E> events = new ArrayList<>();
        S after = state;
        for (C command : commands) {
            List<E> caused = decide(after, command);
            events.addAll(caused);
            after = fold(after, caused);
        }
        return new Decision<>(after, List.copyOf(events));
    }

    /** The events decided and the state they lead to. */
    record Decision<S, E>(S state, List<E> events) {
    }
}
