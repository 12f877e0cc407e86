package io.paddock.server.migrate;

import io.paddock.protocol.ACL;
import io.paddock.server.tree.DataTree;
import io.paddock.server.tree.StoredNode;
import io.paddock.storage.DirectorySync;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree and its sessions as a ZooKeeper data directory that Apache ZooKeeper 3.5+ starts
 * on: {@code version-2/snapshot.<zxid>} (the layout {@link ZkSnapshotReader} reads, with its
 * seals, ZooKeeper's tree digest at the snapshot's zxid, which ZooKeeper checks when it loads
 * it, and the last processed zxid) plus {@code acceptedEpoch} and {@code currentEpoch} holding
 * the zxid's epoch. The snapshot is written under a temporary name and renamed into place.
 * It refuses a directory that already holds ZooKeeper snapshots or logs.
 *
 * <p>Not thread-safe: one export at a time per directory; the tree must not be changing.
 */
public final class ZooKeeperExporter {
    private static final int DBID = -1;

    private ZooKeeperExporter() {
    }

    /** What was written. */
    public record Result(Path snapshot, long zxid, int znodes, int sessions, long digest) {
    }

    public static Result export(DataTree tree, Map<Long, Integer> sessions, Path zkDataDir,
            ZkCompression compression) throws IOException {
        ZooKeeperDataDir existing = ZooKeeperDataDir.of(zkDataDir, zkDataDir);
        if (existing.exists()) {
            throw new IOException(existing.snapDir() + " already holds ZooKeeper data; export"
                    + " writes into an empty data directory only");
        }
        Path dir = existing.snapDir();
        Files.createDirectories(dir);
        long zxid = tree.lastProcessedZxid();
        String name = ZkFileNames.snapshotName(zxid, compression);
        Path temp = dir.resolve("." + name + ".partial");
        Path target = dir.resolve(name);
        long digest = ZkDigest.of(tree);
        int[] nodes = {0};
        try (OutputStream file = Files.newOutputStream(temp)) {
            OutputStream body = compression.compress(new BufferedOutputStream(file, 64 << 10));
            ZkOutput out = new ZkOutput(body);
            writeHeaderAndSessions(out, sessions);
            Map<List<ACL>, Long> aclRefs = writeAcls(out, tree);
            TreeWalk.walk(tree, (path, node) -> {
                writeNode(out, path, node, aclRefs);
                nodes[0]++;
            });
            out.writeString("/");
            out.seal();
            out.writeLong(zxid);
            out.writeInt(ZkDigest.VERSION);
            out.writeLong(digest);
            out.seal();
            out.writeLong(zxid);
            out.seal();
            out.flush();
            body.close(); // finishes a gzip or snappy stream
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        force(temp);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        writeEpoch(dir, ZkFileNames.ACCEPTED_EPOCH, zxid >>> 32);
        writeEpoch(dir, ZkFileNames.CURRENT_EPOCH, zxid >>> 32);
        DirectorySync.fsync(dir);
        return new Result(target, zxid, nodes[0], sessions.size(), digest);
    }

    private static void writeHeaderAndSessions(ZkOutput out, Map<Long, Integer> sessions)
            throws IOException {
        out.writeInt(ZkSnapshotReader.MAGIC);
        out.writeInt(ZkSnapshotReader.VERSION);
        out.writeLong(DBID);
        out.writeInt(sessions.size());
        for (Map.Entry<Long, Integer> s : sessions.entrySet()) {
            out.writeLong(s.getKey());
            out.writeInt(s.getValue());
        }
    }

    /** ZooKeeper's ACL table: every distinct ACL with a reference number from 1. */
    private static Map<List<ACL>, Long> writeAcls(ZkOutput out, DataTree tree) throws IOException {
        Map<List<ACL>, Long> refs = new LinkedHashMap<>();
        TreeWalk.walk(tree, (path, node) -> refs.computeIfAbsent(node.acl(),
                k -> (long) refs.size() + 1));
        out.writeInt(refs.size());
        for (Map.Entry<List<ACL>, Long> e : refs.entrySet()) {
            out.writeLong(e.getValue());
            out.writeInt(e.getKey().size());
            for (ACL a : e.getKey()) {
                out.writeInt(a.perms());
                out.writeString(a.id().scheme());
                out.writeString(a.id().id());
            }
        }
        return new HashMap<>(refs);
    }

    private static void writeNode(ZkOutput out, String path, StoredNode n,
            Map<List<ACL>, Long> aclRefs) throws IOException {
        out.writeString(DataTree.ROOT.equals(path) ? "" : path);
        out.writeBuffer(n.data());
        out.writeLong(aclRefs.get(n.acl()));
        out.writeLong(n.czxid());
        out.writeLong(n.mzxid());
        out.writeLong(n.ctime());
        out.writeLong(n.mtime());
        out.writeInt(n.version());
        out.writeInt(n.cversion());
        out.writeInt(n.aversion());
        out.writeLong(n.ephemeralOwner());
        out.writeLong(n.pzxid());
    }

    /** As ZooKeeper's QuorumPeer writes it: the decimal number, replaced atomically. */
    private static void writeEpoch(Path dir, String name, long epoch) throws IOException {
        Path temp = dir.resolve("." + name + ".partial");
        Files.writeString(temp, Long.toString(epoch), StandardCharsets.US_ASCII);
        force(temp);
        Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
