package io.paddock.server.persistence;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.protocol.ACL;
import io.paddock.protocol.Id;
import io.paddock.protocol.Stat;
import io.paddock.server.session.SessionTracker;
import io.paddock.server.tree.DataTree;
import io.paddock.server.watch.WatchManager;
import io.paddock.testing.FuzzInputs;
import io.paddock.testing.FuzzWorker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Fuzzes the tree snapshot's body reader ({@link DataTreeSnapshot#read}) with arbitrary and
 * mutated bodies, as a body would reach it whose file checksum matched: it builds a tree or
 * throws IOException (which the snapshot store reports as a damaged snapshot), never another
 * exception, never allocates what a damaged length or node count asks for, never hangs.
 */
class SnapshotBodyFuzzTest {
    /** The reader's 1 MiB field buffer plus a tree presized for {@code MAX_PRESIZED_NODES}. */
    private static final long ALLOCATION_FIXED = 24L << 20;
    private static final long ALLOCATION_PER_BYTE = 256;

    private final FuzzWorker worker = new FuzzWorker();

    @AfterProperty
    void report() {
        worker.report();
        worker.close();
    }

    @Property
    void arbitraryBodies(@ForAll("anyBytes") byte[] body) {
        check("tree snapshot body, arbitrary bytes", body);
    }

    @Property
    void mutatedBodies(@ForAll("mutatedBody") byte[] body) {
        check("tree snapshot body, mutated", body);
    }

    @Example
    void aStringLengthOf64MiBInAShortBodyIsAnEofNotA64MiBArray() {
        byte[] body = validBody();
        // The root's path length: version byte, session count (none), node count, a 1 byte.
        int pathAt = 1 + 4 + 4 + 1;
        ByteBuffer.wrap(body).putInt(pathAt, (64 << 20) - 1);
        check("64 MiB path length", body);
        assertThrows(IOException.class, () -> read(body));
    }

    @Example
    void aNodeCountOfTwoToTheThirtyOneIsCappedNotPresized() {
        byte[] body = validBody();
        ByteBuffer.wrap(body).putInt(1 + 4, Integer.MAX_VALUE);
        check("huge node count", body);
    }

    /** Found by this test: a child count of 2^24 presized a 134 MB child map. */
    @Example
    void childCountsTogetherPresizeNoMoreThanTheNodeCount() {
        byte[] body = validBody();
        // The root's child count: after the 1 byte, path "/", four longs, three ints, two longs.
        int childrenAt = 1 + 4 + 4 + 1 + 4 + 1 + 8 * 4 + 4 * 3 + 8 * 2;
        ByteBuffer.wrap(body).putInt(childrenAt, 1 << 24);
        check("huge child count", body);
    }

    @Example
    void aNodeBeforeItsParentOrARelativePathIsAnIoException() {
        byte[] body = validBody();
        String s = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("/a/b", "a//b");
        assertThrows(IOException.class,
                () -> read(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
    }

    private void check(String property, byte[] body) {
        FuzzWorker.Outcome o = worker.run(property, () -> read(body));
        if (o.thrown() != null && !(o.thrown() instanceof IOException)) {
            throw new AssertionError(property + " threw " + o.thrown() + " on "
                    + HexFormat.of().formatHex(body), o.thrown());
        }
        long bound = ALLOCATION_FIXED + ALLOCATION_PER_BYTE * body.length;
        if (o.allocatedBytes() > bound) {
            long again = worker.run(property, () -> read(body)).allocatedBytes();
            assertTrue(again <= bound, () -> property + " allocated " + again + " bytes for "
                    + body.length + " input bytes (bound " + bound + ")");
        }
    }

    private static TreeState read(byte[] body) throws IOException {
        return DataTreeSnapshot.read(new WatchManager(), 7, new ByteArrayInputStream(body));
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        // Mostly starting with a known version byte, so the fuzzing gets past it.
        return Arbitraries.oneOf(FuzzInputs.bytes(300), FuzzInputs.bytes(300).map(b -> {
            byte[] c = new byte[b.length + 1];
            c[0] = (byte) (b.length % 2 + 1);
            System.arraycopy(b, 0, c, 1, b.length);
            return c;
        }));
    }

    @Provide
    Arbitrary<byte[]> mutatedBody() {
        return FuzzInputs.mutated(validBody(), 4);
    }

    /** A body with one session, nested nodes, null and empty data, and two distinct ACLs. */
    static byte[] validBody() {
        DataTree tree = new DataTree(new WatchManager());
        List<ACL> digest = List.of(new ACL(ACL.Perms.READ, Id.ANYONE),
                new ACL(ACL.Perms.ALL, new Id("digest", "bob:x")));
        restore(tree, "/a", new byte[] {1, 2, 3}, ACL.OPEN_ACL_UNSAFE, 0);
        restore(tree, "/a/b", null, digest, 0);
        restore(tree, "/a/b/c", new byte[0], digest, 0x55);
        restore(tree, "/e", "x".getBytes(), ACL.READ_ACL_UNSAFE, 0);
        tree.setLastProcessedZxid(7);
        SessionTracker sessions = new SessionTracker(0, 2000, () -> 0L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new DataTreeSnapshot(tree, sessions).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void restore(DataTree tree, String path, byte[] data, List<ACL> acl,
            long owner) {
        tree.restoreNode(path, data, acl, new Stat(1, 2, 3, 4, 0, 0, 0, owner,
                data == null ? 0 : data.length, 0, 5));
    }
}
