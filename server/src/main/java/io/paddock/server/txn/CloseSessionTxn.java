package io.paddock.server.txn;

import java.util.List;

/** Closes the header's session and deletes the ephemerals listed (known at prepare time). */
public record CloseSessionTxn(List<String> pathsToDelete) implements Txn {
}
