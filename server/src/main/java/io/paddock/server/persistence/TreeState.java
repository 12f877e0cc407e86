package io.paddock.server.persistence;

import io.paddock.server.tree.DataTree;
import java.util.Map;

/**
 * A tree and the open sessions (id to timeout in milliseconds), as a snapshot and the log
 * bring them back.
 *
 * @param tree the restored tree; its last processed zxid is where replay continues
 * @param sessions the open sessions and their timeouts
 * @param snapshotZxid the zxid of the snapshot the state was loaded from, 0 if none; replay
 *     moves the tree past it but not this
 */
public record TreeState(DataTree tree, Map<Long, Integer> sessions, long snapshotZxid) {
}
