package io.paddock.server.txn;

/** Opens the header's session with the negotiated timeout in milliseconds. */
public record CreateSessionTxn(int timeout) implements Txn {
}
