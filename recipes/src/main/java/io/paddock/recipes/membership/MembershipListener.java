package io.paddock.recipes.membership;

/** Told of membership changes, in order, on the client's event thread. Must not block. */
@FunctionalInterface
public interface MembershipListener {
    void membershipChanged(MembershipEvent event);
}
