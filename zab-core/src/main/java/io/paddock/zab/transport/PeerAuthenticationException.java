package io.paddock.zab.transport;

/** A peer connection's authentication failed; the message says why (never a credential). */
public final class PeerAuthenticationException extends Exception {
    private static final long serialVersionUID = 1L;

    public PeerAuthenticationException(String message) {
        super(message, null, false, false);
    }
}
