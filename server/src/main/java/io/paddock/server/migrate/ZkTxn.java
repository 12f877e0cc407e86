package io.paddock.server.migrate;

import io.paddock.server.txn.Txn;
import io.paddock.server.txn.TxnHeader;

/**
 * One txn from a ZooKeeper log, as Paddock's header and txn.
 * Immutable.
 *
 * @param header ZooKeeper's header: session, cxid, zxid, time and type (ZooKeeper's op codes are
 *     Paddock's)
 * @param txn the change
 * @param digest the tree digest ZooKeeper logged after applying it (3.6+), or null
 */
record ZkTxn(TxnHeader header, Txn txn, Long digest) {
}
