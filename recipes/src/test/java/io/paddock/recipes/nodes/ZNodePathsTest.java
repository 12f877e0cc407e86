package io.paddock.recipes.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ZNodePathsTest {

    @ParameterizedTest(name = "makePath({0}, {1}) = {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "/a      | b      | /a/b",
        "/a/     | b      | /a/b",
        "/a      | /b     | /a/b",
        "/a/     | /b/    | /a/b",
        "a       | b      | /a/b",
        "/       | b      | /b",
        "''      | b      | /b",
        "null    | b      | /b",
        "/a/b    | c      | /a/b/c",
        "/a      | ''     | /a",
        "/a      | /      | /a",
        "/a      | null   | /a",
        "/       | /      | /",
        "''      | ''     | /",
        "/a      | b/c    | /a/b/c",
    })
    void makePathJoinsTolerantly(String parent, String child, String expected) {
        assertEquals(expected, ZNodePaths.makePath(parent, child));
    }

    @Test
    void makePathTakesSeveralChildrenOrNone() {
        assertEquals("/a/b/c", ZNodePaths.makePath("/a", "b", "/c/"));
        assertEquals("/a", ZNodePaths.makePath("/a"));
        assertEquals("/", ZNodePaths.makePath(null));
    }

    @Test
    void makePathRefusesAPathItCannotRepair() {
        assertThrows(IllegalArgumentException.class, () -> ZNodePaths.makePath("/a", "b//c"));
        assertThrows(IllegalArgumentException.class, () -> ZNodePaths.makePath("/a", ".."));
        assertThrows(IllegalArgumentException.class, () -> ZNodePaths.makePath("/a//", "b"));
    }

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "/one/two/three | three",
        "/one           | one",
        "/              | ''",
    })
    void getNodeFromPathReturnsTheLastSegment(String path, String node) {
        assertEquals(node, ZNodePaths.getNodeFromPath(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "one/two", "/one/", "/a//b"})
    void getNodeFromPathRefusesInvalidPaths(String path) {
        assertThrows(IllegalArgumentException.class, () -> ZNodePaths.getNodeFromPath(path));
    }

    @Test
    void fixForNamespacePrefixesTheNamespace() {
        assertEquals("/app/locks/l1", ZNodePaths.fixForNamespace("app", "/locks/l1"));
        assertEquals("/app/locks", ZNodePaths.fixForNamespace("/app/", "/locks"));
        assertEquals("/app", ZNodePaths.fixForNamespace("app", "/"));
        assertEquals("/locks", ZNodePaths.fixForNamespace(null, "/locks"));
        assertEquals("/locks", ZNodePaths.fixForNamespace("", "/locks"));
    }

    @Test
    void fixForNamespaceRequiresAValidPathOfItsOwn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZNodePaths.fixForNamespace("app", "locks"));

        assertTrue(e.getMessage().contains("\"locks\""), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ZNodePaths.fixForNamespace("a//b", "/locks"));
    }

    @Test
    void extractsTheTenDigitSuffix() {
        assertEquals("0000000042", ZNodePaths.extractSequentialSuffix("/locks/lock-0000000042"));
        assertEquals("0000000000", ZNodePaths.extractSequentialSuffix("0000000000"));
        assertEquals("1234567890", ZNodePaths.extractSequentialSuffix("x12345678901234567890"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lock-", "lock-000000042", "lock-00000000x1", "", "000000001"})
    void refusesNamesWithoutTenTrailingDigits(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZNodePaths.extractSequentialSuffix(name));

        assertTrue(e.getMessage().contains("\"" + name + "\""), e.getMessage());
    }

    @Test
    void ordersByCounterWhateverThePrefix() {
        List<String> children = new ArrayList<>(List.of(
                "read-0000000003", "_c_9f2a-write-0000000001", "write-0000000010", "b-0000000002"));
        children.sort(ZNodePaths::compareSequential);

        assertEquals(List.of("_c_9f2a-write-0000000001", "b-0000000002", "read-0000000003",
                "write-0000000010"), children);
    }

    @Test
    void breaksCounterTiesByTheWholeName() {
        assertTrue(ZNodePaths.compareSequential("a-0000000005", "b-0000000005") < 0);
        assertTrue(ZNodePaths.compareSequential("b-0000000005", "a-0000000005") > 0);
        assertEquals(0, ZNodePaths.compareSequential("a-0000000005", "a-0000000005"));
    }

    @Test
    void compareSequentialRefusesAName() {
        assertThrows(IllegalArgumentException.class,
                () -> ZNodePaths.compareSequential("lock-0000000001", "lock"));
    }
}
