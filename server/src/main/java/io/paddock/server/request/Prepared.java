package io.paddock.server.request;

import io.paddock.protocol.op.ErrorCode;
import io.paddock.server.txn.Txn;
import io.paddock.server.txn.TxnHeader;

/**
 * What the preparer made of a write: a header and txn to log and apply (error OK), or just
 * an error to answer with (header and txn null, no zxid used). A failed multi is a txn.
 */
public record Prepared(TxnHeader header, Txn txn, ErrorCode error) {
    static Prepared failed(ErrorCode error) {
        return new Prepared(null, null, error);
    }

    public boolean hasTxn() {
        return txn != null;
    }
}
