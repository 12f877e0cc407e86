package io.paddock.recipes.nodes;

import io.paddock.client.PathValidator;
import java.util.Objects;

/**
 * Path helpers for recipes: building child paths, applying a namespace, and ordering sequential
 * nodes by the 10-digit counter the server appends to their names.
 *
 * <p>Thread-safe: stateless.
 */
public final class ZNodePaths {

    /** Digits in the counter a server appends to a sequential node's name ({@code %010d}). */
    public static final int SEQUENTIAL_SUFFIX_LENGTH = 10;

    private static final String SEPARATOR = "/";

    private ZNodePaths() {
    }

    /**
     * Joins a parent and children into one absolute path, tolerating a missing leading slash and
     * stray leading or trailing slashes on each part: {@code makePath("/a/", "/b")} is
     * {@code "/a/b"}, {@code makePath("/", "b")} is {@code "/b"}. Null, empty and {@code "/"} parts
     * add nothing; {@code makePath(null)} and {@code makePath("/")} are {@code "/"}.
     *
     * @throws IllegalArgumentException if the result is not a valid path (an empty segment or a
     *     {@code .} segment inside a part, for example)
     */
    public static String makePath(String parent, String... children) {
        StringBuilder path = new StringBuilder();
        appendPart(path, parent);
        for (String child : children) {
            appendPart(path, child);
        }
        String result = path.length() == 0 ? SEPARATOR : path.toString();
        PathValidator.validate(result);
        return result;
    }

    /**
     * The last segment of a path: {@code "three"} for {@code "/one/two/three"}, {@code ""} for the
     * root.
     *
     * @throws IllegalArgumentException if {@code path} is not a valid path
     */
    public static String getNodeFromPath(String path) {
        PathValidator.validate(path);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * The path as the server sees it inside {@code namespace}: {@code fixForNamespace("app",
     * "/locks")} is {@code "/app/locks"}. A null or empty namespace leaves the path as it is.
     *
     * @throws IllegalArgumentException if {@code path} is not a valid path on its own, or the
     *     namespaced path is not valid
     */
    public static String fixForNamespace(String namespace, String path) {
        PathValidator.validate(path);
        if (namespace == null || namespace.isEmpty()) {
            return path;
        }
        return makePath(namespace, path);
    }

    /**
     * The 10-digit counter at the end of a sequential node's name or path: {@code "0000000042"}
     * for {@code "/locks/lock-0000000042"}.
     *
     * @throws IllegalArgumentException if the name does not end in ten digits
     */
    public static String extractSequentialSuffix(String nameOrPath) {
        Objects.requireNonNull(nameOrPath, "nameOrPath");
        int start = nameOrPath.length() - SEQUENTIAL_SUFFIX_LENGTH;
        if (start < 0 || !isDigits(nameOrPath, start)) {
            throw new IllegalArgumentException("\"" + nameOrPath
                    + "\" does not end in a " + SEQUENTIAL_SUFFIX_LENGTH + "-digit sequence number");
        }
        return nameOrPath.substring(start);
    }

    /**
     * Orders sequential nodes by their counter, whatever their prefixes, and nodes with the same
     * counter by their whole name, so the order is total: {@code "b-0000000001"} comes before
     * {@code "a-0000000002"}. Usable as a {@code Comparator<String>} ({@code
     * ZNodePaths::compareSequential}) to sort lock or queue children.
     *
     * @throws IllegalArgumentException if either name does not end in ten digits
     */
    public static int compareSequential(String first, String second) {
        int bySuffix = extractSequentialSuffix(first).compareTo(extractSequentialSuffix(second));
        return bySuffix != 0 ? bySuffix : first.compareTo(second);
    }

    private static void appendPart(StringBuilder path, String part) {
        if (part == null) {
            return;
        }
        int from = part.startsWith(SEPARATOR) ? 1 : 0;
        int to = part.endsWith(SEPARATOR) && part.length() > from ? part.length() - 1 : part.length();
        if (from >= to) {
            return;
        }
        path.append(SEPARATOR).append(part, from, to);
    }

    private static boolean isDigits(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
