package cn.gov.shanwei.enforcement.domain.common;

import java.util.List;
import java.util.Objects;

/**
 * What a command on an aggregate gives back: the events it caused, or a rejection that says why in words a case
 * officer understands. A rejected command changes nothing.
 *
 * @param <E> the aggregate's event family
 */
public sealed interface Outcome<E> {

    /** The command was accepted and caused these events, in order. */
    record Accepted<E>(List<E> events) implements Outcome<E> {
        public Accepted {
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("an accepted command causes at least one event");
            }
        }
    }

    /** The command was refused; {@code reason} is shown to the officer as is. */
    record Rejected<E>(String reason) implements Outcome<E> {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <E> Outcome<E> accepted(List<E> events) {
        return new Accepted<>(events);
    }

    @SafeVarargs
    static <E> Outcome<E> accepted(E... events) {
        return new Accepted<>(List.of(events));
    }

    static <E> Outcome<E> rejected(String reason) {
        return new Rejected<>(reason);
    }

    /** Whether the command was accepted. */
    default boolean isAccepted() {
        return this instanceof Accepted<E>;
    }

    /** The events of an accepted command, or none. */
    default List<E> events() {
        return this instanceof Accepted<E> a ? a.events() : List.of();
    }

    /** The reason of a rejection, or an empty string. */
    default String reason() {
        return this instanceof Rejected<E> r ? r.reason() : "";
    }
}
