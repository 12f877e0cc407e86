package io.paddock.server.txn;

/**
 * The envelope fields of a committed txn. {@code type} is the request's op code (create2
 * stays create2, a multi is multi), {@code time} the leader's wall clock at prepare time,
 * which becomes ctime/mtime.
 */
public record TxnHeader(long sessionId, int cxid, long zxid, long time, int type) {
}
