package io.paddock.recipes.membership;

/** A change in a group's membership. */
public record MembershipEvent(Type type, Member member) {

    public enum Type {
        /** A member came up (or was there when the view loaded). */
        JOINED,
        /** A member published a new payload. */
        UPDATED,
        /** A member left or its session died; {@code member} is its last known state. */
        LEFT
    }
}
