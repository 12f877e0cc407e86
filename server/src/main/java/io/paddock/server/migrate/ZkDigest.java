package io.paddock.server.migrate;

import io.paddock.server.tree.DataTree;
import io.paddock.server.tree.StoredNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * ZooKeeper's tree digest (DigestCalculator, version 2, and NodeHashMapImpl): the sum, modulo
 * 2^64, over every znode outside {@code /zookeeper/}, of a CRC-32 of its path (the root's is
 * empty), its data and 60 bytes of its stored stat (czxid, mzxid, pzxid, ctime, mtime, version,
 * cversion, aversion, ephemeralOwner). ZooKeeper logs it after every txn and stores it in its
 * snapshots, so an import can check its tree against ZooKeeper's own, and an export can give
 * ZooKeeper a digest that ZooKeeper checks at start-up.
 *
 * <p>Stateless and thread-safe.
 */
final class ZkDigest {
    static final int VERSION = 2;
    private static final String EXCLUDED = "/zookeeper/";

    private ZkDigest() {
    }

    static long of(DataTree tree) {
        long[] sum = {0};
        CRC32 crc = new CRC32();
        ByteBuffer stat = ByteBuffer.allocate(60);
        try {
            TreeWalk.walk(tree, (path, node) -> sum[0] += node(path, node, crc, stat));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the visitor does no I/O
        }
        return sum[0];
    }

    private static long node(String path, StoredNode n, CRC32 crc, ByteBuffer stat) {
        if (path.startsWith(EXCLUDED)) {
            return 0;
        }
        crc.reset();
        crc.update((DataTree.ROOT.equals(path) ? "" : path).getBytes(StandardCharsets.UTF_8));
        if (n.data() != null) {
            crc.update(n.data());
        }
        stat.clear();
        stat.putLong(n.czxid()).putLong(n.mzxid()).putLong(n.pzxid()).putLong(n.ctime())
                .putLong(n.mtime()).putInt(n.version()).putInt(n.cversion())
                .putInt(n.aversion()).putLong(n.ephemeralOwner());
        crc.update(stat.array(), 0, 60);
        return crc.getValue();
    }
}
