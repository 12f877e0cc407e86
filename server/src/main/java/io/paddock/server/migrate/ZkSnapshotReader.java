package io.paddock.server.migrate;

import io.paddock.protocol.ACL;
import io.paddock.protocol.Id;
import io.paddock.protocol.Stat;
import io.paddock.server.tree.DataNode;
import io.paddock.server.tree.DataTree;
import io.paddock.server.tree.StoredNode;
import io.paddock.server.watch.WatchManager;
import io.paddock.storage.StorageCorruptionException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one ZooKeeper snapshot file ({@code FileSnap}, 3.5 to 3.9) into a new Paddock tree.
 *
 * <p>The layout, as ZooKeeper's FileSnap, SerializeUtils, ReferenceCountedACLCache and
 * DataTree write it, all jute-encoded and checksummed (Adler-32 over the decompressed stream):
 * a file header (magic "ZKSN", version 2, dbid); the sessions (count, then id and timeout); the
 * ACL table (count, then a reference number and an ACL list); every znode parents first as its
 * path (the root's is empty), data, ACL reference and persisted stat, ended by the path "/";
 * a seal (the checksum so far and the string "/"); from 3.6 the tree digest (zxid, digest
 * version, digest) and a seal; from 3.9 the last processed zxid and a seal.
 *
 * <p>A fuzzy snapshot may hold a node whose ACL reference the table lacks (the ACL was added after
 * the table was written); ZooKeeper fixes it when the log replays the node's create. Such nodes
 * get an empty ACL here and are listed in {@link ZkSnapshot#unresolvedAcls()}.
 *
 * <p>Not thread-safe: one read per instance of the returned state.
 */
final class ZkSnapshotReader {
    static final int MAGIC = 0x5A4B534E; // "ZKSN"
    static final int VERSION = 2;
    private static final long OPEN_ACL_REF = -1L;
    private static final int SEAL_AND_LAST_ZXID = 8 + 4 + 1 + 8;
    private static final int MAX_TAIL = 4096;
    private static final String[] BUILT_IN = {DataTree.ZOOKEEPER, DataTree.QUOTA, DataTree.CONFIG};

    private ZkSnapshotReader() {
    }

    /**
     * @throws StorageCorruptionException naming the file and offset when anything is wrong
     */
    static ZkSnapshot read(Path file, WatchManager watches, Progress progress) throws IOException {
        long zxid = ZkFileNames.snapshotZxid(file.getFileName().toString());
        ZkCompression compression = ZkFileNames.snapshotCompression(file.getFileName().toString());
        ZkFileRef ref = new ZkFileRef(file, compression != ZkCompression.NONE);
        long size = Files.size(file);
        try (InputStream raw = new CountingInputStream(Files.newInputStream(file), progress)) {
            try (InputStream body = open(raw, compression, ref)) {
                return read(new ZkInput(body, ref), file, zxid, compression, size, watches);
            }
        }
    }

    private static InputStream open(InputStream raw, ZkCompression compression, ZkFileRef ref) {
        try {
            return compression.decompress(new BufferedInputStream(raw, 64 << 10));
        } catch (IOException | RuntimeException e) {
            throw ref.corrupt(0, "not a " + compression.extension() + " stream: " + e);
        }
    }

    private static ZkSnapshot read(ZkInput in, Path file, long zxid, ZkCompression compression,
            long size, WatchManager watches) throws IOException {
        readHeader(in);
        Map<Long, Integer> sessions = readSessions(in);
        DataTree tree = new DataTree(watches, expectedNodes(size, compression));
        Map<Long, List<ACL>> acls = readAcls(in, tree);
        Set<String> unresolved = new HashSet<>();
        int nodes = readNodes(in, tree, acls, unresolved);
        seal(in, "the tree");
        ZkSnapshot.Digest digest = null;
        Long lastZxid = null;
        // What follows the tree depends on the version and settings that wrote it; its length
        // tells: nothing, a digest and seal, the last zxid and seal, or both.
        int tail = in.available(MAX_TAIL);
        if (tail != 0 && tail != SEAL_AND_LAST_ZXID) {
            digest = readDigest(in);
            seal(in, "the digest");
            tail = in.available(MAX_TAIL);
        }
        if (tail == SEAL_AND_LAST_ZXID) {
            lastZxid = in.readLong();
            seal(in, "the last processed zxid");
        }
        if (!in.atEnd()) {
            throw in.corrupt(in.position(), in.available(MAX_TAIL)
                    + " unexpected bytes after the last seal");
        }
        tree.setLastProcessedZxid(zxid);
        return new ZkSnapshot(file, zxid, compression, tree, sessions, nodes, digest, lastZxid,
                unresolved);
    }

    private static int expectedNodes(long fileSize, ZkCompression compression) {
        long decompressed = compression == ZkCompression.NONE ? fileSize : fileSize * 4;
        return (int) Math.min(1 << 22, Math.max(16, decompressed / 128));
    }

    private static void readHeader(ZkInput in) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw in.corrupt(0, "bad magic 0x" + Integer.toHexString(magic)
                    + ", not a ZooKeeper snapshot (\"ZKSN\")");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw in.corrupt(4, "unknown snapshot version " + version + " (ZooKeeper writes 2)");
        }
        in.readLong(); // dbid: always -1, unused
    }

    private static Map<Long, Integer> readSessions(ZkInput in) throws IOException {
        long at = in.position();
        int count = in.readInt();
        if (count < 0) {
            throw in.corrupt(at, "negative session count " + count);
        }
        Map<Long, Integer> sessions = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            sessions.put(in.readLong(), in.readInt());
        }
        return sessions;
    }

    private static Map<Long, List<ACL>> readAcls(ZkInput in, DataTree tree) throws IOException {
        long at = in.position();
        int count = in.readInt();
        if (count < 0) {
            throw in.corrupt(at, "negative ACL table size " + count);
        }
        Map<Long, List<ACL>> acls = new HashMap<>();
        acls.put(OPEN_ACL_REF, tree.internAcl(ACL.OPEN_ACL_UNSAFE));
        for (int i = 0; i < count; i++) {
            long ref = in.readLong();
            long listAt = in.position();
            int n = in.readInt();
            if (n < 0) {
                throw in.corrupt(listAt, "ACL list " + ref + " has no entries vector (" + n + ")");
            }
            List<ACL> list = new ArrayList<>(Math.min(n, 16));
            for (int j = 0; j < n; j++) {
                int perms = in.readInt();
                String scheme = in.readString("an ACL scheme");
                String id = in.readString("an ACL id");
                list.add(new ACL(perms, new Id(scheme, id)));
            }
            acls.put(ref, tree.internAcl(list));
        }
        return acls;
    }

    private static int readNodes(ZkInput in, DataTree tree, Map<Long, List<ACL>> acls,
            Set<String> unresolved) throws IOException {
        int count = 0;
        Set<String> builtInsSeen = new HashSet<>();
        while (true) {
            long at = in.position();
            String path = in.readString("a path");
            if ("/".equals(path)) {
                break;
            }
            if (path == null || (count == 0) != path.isEmpty()
                    || (!path.isEmpty() && path.charAt(0) != '/')) {
                throw in.corrupt(at, count == 0 ? "the first node is not the root but '" + path
                        + "'" : "bad path '" + path + "'");
            }
            byte[] data = in.readBuffer("data of " + path);
            long aclRef = in.readLong();
            Stat stat = readStat(in);
            String paddockPath = path.isEmpty() ? DataTree.ROOT : path;
            List<ACL> acl = acls.get(aclRef);
            if (acl == null) {
                unresolved.add(paddockPath);
                acl = List.of();
            }
            try {
                tree.restoreNode(paddockPath, data, acl, stat);
            } catch (IllegalStateException e) {
                throw in.corrupt(at, "node " + path + " comes before its parent");
            }
            if (paddockPath.startsWith(DataTree.ZOOKEEPER)) {
                builtInsSeen.add(paddockPath);
            }
            count++;
        }
        reattachBuiltIns(tree, builtInsSeen);
        return count;
    }

    private static Stat readStat(ZkInput in) throws IOException {
        long czxid = in.readLong();
        long mzxid = in.readLong();
        long ctime = in.readLong();
        long mtime = in.readLong();
        int version = in.readInt();
        int cversion = in.readInt();
        int aversion = in.readInt();
        long owner = in.readLong();
        long pzxid = in.readLong();
        return new Stat(czxid, mzxid, ctime, mtime, version, cversion, aversion, owner, 0, 0,
                pzxid);
    }

    /**
     * Replacing the root detaches the built-in nodes the new tree started with; a snapshot
     * normally carries them again, and any it lacks are hung back under their new parents.
     */
    private static void reattachBuiltIns(DataTree tree, Set<String> seen) {
        StoredNode copy = new StoredNode();
        for (String path : BUILT_IN) {
            if (!seen.contains(path)) {
                DataNode node = tree.node(path);
                node.copyStored(copy);
                tree.restoreNode(path, copy.data(), copy.acl(), new Stat(copy.czxid(),
                        copy.mzxid(), copy.ctime(), copy.mtime(), copy.version(), copy.cversion(),
                        copy.aversion(), copy.ephemeralOwner(), 0, 0, copy.pzxid()));
            }
        }
    }

    private static ZkSnapshot.Digest readDigest(ZkInput in) throws IOException {
        long zxid = in.readLong();
        int version = in.readInt();
        long digest;
        if (version < 2) {
            // Digest version 1 kept the value as a hex string.
            long at = in.position();
            String hex = in.readString("a hex digest");
            try {
                digest = hex == null ? 0 : Long.parseUnsignedLong(hex, 16);
            } catch (NumberFormatException e) {
                throw in.corrupt(at, "digest '" + hex + "' is not hexadecimal");
            }
        } else {
            digest = in.readLong();
        }
        return new ZkSnapshot.Digest(zxid, version, digest);
    }

    /** Checks a seal: the Adler-32 of everything before it, then the string "/". */
    private static void seal(ZkInput in, String after) throws IOException {
        long at = in.position();
        long expected = in.checksum();
        long stored = in.readLong();
        String slash = in.readString("the seal's path");
        if (stored != expected) {
            throw in.corrupt(at, "checksum mismatch after " + after + ": the seal holds 0x"
                    + Long.toHexString(stored) + ", the bytes before it sum to 0x"
                    + Long.toHexString(expected));
        }
        if (!"/".equals(slash)) {
            throw in.corrupt(at + 8, "the seal after " + after + " ends with '" + slash
                    + "', not \"/\"");
        }
    }
}
