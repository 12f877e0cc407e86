package io.paddock.server.watch;

/** Parent-path arithmetic on absolute znode paths. */
final class PathNames {
    private PathNames() {
    }

    /** The parent of a path; null for the root. */
    static String parent(String path) {
        if (path.equals("/")) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
