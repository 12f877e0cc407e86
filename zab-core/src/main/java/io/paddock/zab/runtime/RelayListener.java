package io.paddock.zab.runtime;

/**
 * Told every {@link io.paddock.zab.message.Relay} another peer sent this one, in the order that
 * peer sent them.
 *
 * <p>Called on a transport thread, the one that delivers that peer's ZAB messages to the inbox: a
 * relay may be handled before ZAB messages that arrived ahead of it are, so an application must
 * not infer the core's state from a relay's arrival. Return quickly; never block on the network.
 */
@FunctionalInterface
public interface RelayListener {
    void relayed(long from, byte[] payload);
}
