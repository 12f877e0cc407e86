package io.paddock.server.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.protocol.ACL;
import io.paddock.protocol.Id;
import io.paddock.protocol.Stat;
import io.paddock.server.session.SessionTracker;
import io.paddock.server.tree.DataTree;
import io.paddock.server.watch.WatchManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataTreeSnapshotTest {
    private static final List<ACL> DIGEST = List.of(
            new ACL(ACL.Perms.READ, Id.ANYONE),
            new ACL(ACL.Perms.ALL, new Id("digest", "bob:c2VjcmV0\u00e9")));

    @Test
    void roundTripKeepsDataStatsAndSeveralAcls() throws IOException {
        DataTree tree = new DataTree(new WatchManager());
        byte[] big = new byte[(1 << 20) * 3 + 17]; // larger than the reader's buffer
        Arrays.fill(big, (byte) 7);
        restore(tree, "/a", "x".getBytes(StandardCharsets.UTF_8), ACL.OPEN_ACL_UNSAFE, 5);
        restore(tree, "/a/b", null, DIGEST, 6);
        restore(tree, "/a/c", big, ACL.READ_ACL_UNSAFE, 7);
        restore(tree, "/d\u00fcr", new byte[0], DIGEST, 8);
        restore(tree, "/d\u00fcr/e", new byte[] {1, 2}, ACL.OPEN_ACL_UNSAFE, 9);
        tree.setLastProcessedZxid(9);

        TreeState back = readBack(write(tree));

        DataTree copy = back.tree();
        assertEquals(tree.nodeCount(), copy.nodeCount());
        for (String path : List.of("/", "/a", "/a/b", "/a/c", "/d\u00fcr", "/d\u00fcr/e",
                "/zookeeper", "/zookeeper/config")) {
            assertEquals(tree.node(path).stat(), copy.node(path).stat(), path);
            assertArrayEquals(tree.node(path).data(), copy.node(path).data(), path);
            assertEquals(tree.node(path).acl(), copy.node(path).acl(), path);
        }
        assertNull(copy.node("/a/b").data());
        assertEquals(List.of("b", "c"), copy.node("/a").children().stream().sorted().toList());
        assertSame(copy.node("/a/b").acl(), copy.node("/d\u00fcr").acl(),
                "equal ACLs read back share one list");
    }

    @Test
    void eachDistinctAclIsWrittenOnce() throws IOException {
        DataTree tree = new DataTree(new WatchManager());
        restore(tree, "/p", null, DIGEST, 1);
        for (int i = 0; i < 50; i++) {
            restore(tree, "/p/n" + i, null, DIGEST, 2 + i);
        }
        String body = new String(write(tree), StandardCharsets.ISO_8859_1);
        assertEquals(1, count(body, "bob:c2VjcmV0"), "the digest id appears once");
        assertEquals(2, readBack(body.getBytes(StandardCharsets.ISO_8859_1)).tree()
                .node("/p/n49").acl().size());
    }

    @Test
    void readsVersionOneBodiesWithInlineAcls() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(1);
        out.writeInt(1);
        out.writeLong(0x55L);
        out.writeInt(4000);
        for (String path : List.of("/v1", "/v1/child")) {
            out.writeByte(1);
            writeString(out, path);
            for (int i = 0; i < 4; i++) {
                out.writeLong(3);
            }
            out.writeInt(2);
            out.writeInt(0);
            out.writeInt(1);
            out.writeLong(0);
            out.writeLong(3);
            out.writeInt(3);
            out.write(new byte[] {4, 5, 6});
            out.writeInt(1);
            out.writeInt(ACL.Perms.ALL);
            writeString(out, "digest");
            writeString(out, "old:format");
        }
        out.writeByte(0);

        TreeState state = readBack(bytes.toByteArray());

        assertEquals(4000, state.sessions().get(0x55L));
        assertArrayEquals(new byte[] {4, 5, 6}, state.tree().node("/v1/child").data());
        assertEquals(2, state.tree().node("/v1").stat().version());
        assertEquals(List.of(new ACL(ACL.Perms.ALL, new Id("digest", "old:format"))),
                state.tree().node("/v1/child").acl());
    }

    @Test
    void refusesAnUnknownVersion() {
        IOException e = assertThrows(IOException.class, () -> readBack(new byte[] {3, 0, 0, 0, 0, 0}));
        assertTrue(e.getMessage().contains("unknown tree snapshot format version 3"), e.getMessage());
    }

    @Test
    void refusesAnAclIndexNotYetDefined() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(DataTreeSnapshot.FORMAT_VERSION);
        out.writeInt(0);
        out.writeInt(1);
        out.writeByte(1);
        writeString(out, "/x");
        out.write(new byte[8 * 4 + 4 * 3 + 8 * 2 + 4]);
        out.writeInt(-1);
        out.writeInt(1); // index 1 while none is defined
        out.writeByte(0);
        IOException e = assertThrows(IOException.class, () -> readBack(bytes.toByteArray()));
        assertTrue(e.getMessage().contains("ACL index 1"), e.getMessage());
    }

    @Test
    void refusesABodyCutInsideANode() throws IOException {
        DataTree tree = new DataTree(new WatchManager());
        restore(tree, "/a", new byte[100], ACL.OPEN_ACL_UNSAFE, 1);
        byte[] body = write(tree);
        assertThrows(IOException.class, () -> readBack(Arrays.copyOf(body, body.length - 20)));
    }

    private static void restore(DataTree tree, String path, byte[] data, List<ACL> acl, long zxid) {
        tree.restoreNode(path, data, acl, new Stat(zxid, zxid + 1, zxid * 10, zxid * 11, 3, 2, 1,
                0, data == null ? 0 : data.length, 0, zxid + 2));
    }

    private static byte[] write(DataTree tree) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DataTreeSnapshot(tree, new SessionTracker(0, 2000, () -> 0L)).writeTo(out);
        return out.toByteArray();
    }

    private static TreeState readBack(byte[] body) throws IOException {
        // Small reads, as a stream over a file may return them.
        InputStream trickle = new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1000));
            }
        };
        return DataTreeSnapshot.read(new WatchManager(), 9, trickle);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
