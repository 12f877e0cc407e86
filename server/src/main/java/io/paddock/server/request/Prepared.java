package io.paddock.server.request;

import io.paddock.protocol.op.ErrorCode;
import io.paddock.server.txn.Txn;
import io.paddock.server.txn.TxnHeader;

/**
 * What the preparer made of a write: a header and txn to log and apply. {@code error} is OK,
 * or the validation failure the reply carries, in which case the txn is an
 * {@link io.paddock.server.txn.ErrorTxn} under a header of type {@link
 * io.paddock.protocol.op.OpCode#ERROR} (a failed multi keeps type multi and holds ErrorTxns).
 */
public record Prepared(TxnHeader header, Txn txn, ErrorCode error) {
}
