package io.paddock.server.tree;

/** Parent and last-segment arithmetic on absolute znode paths. */
public final class Paths {
    private Paths() {
    }

    /** The parent of a path; null for the root. */
    public static String parent(String path) {
        if (path.equals("/")) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            return null;
        }
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    /** The last segment of a path. */
    public static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
