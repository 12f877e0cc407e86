package io.paddock.client;

/**
 * Checks znode paths before they go on the wire, with the rules a ZooKeeper server applies, so a
 * bad path fails at the caller with a clear message rather than as a server error.
 *
 * <p>Thread-safe: stateless.
 */
public final class PathValidator {

    private PathValidator() {
    }

    /**
     * Accepts an absolute path: starts with {@code /}, no trailing {@code /} (except the root), no
     * empty, {@code .} or {@code ..} segment, no null or control character, no character from the
     * surrogate, private-use or specials ranges.
     *
     * @throws IllegalArgumentException naming the path and what is wrong with it
     */
    public static void validate(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("path must not be empty");
        }
        if (path.charAt(0) != '/') {
            throw invalid(path, "it must start with /");
        }
        if (path.length() == 1) {
            return;
        }
        if (path.charAt(path.length() - 1) == '/') {
            throw invalid(path, "it must not end with /");
        }
        int segmentStart = 1;
        for (int i = 1; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                checkSegment(path, path.substring(segmentStart, i), segmentStart);
                segmentStart = i + 1;
            } else {
                checkCharacter(path, path.charAt(i), i);
            }
        }
    }

    private static void checkSegment(String path, String segment, int at) {
        if (segment.isEmpty()) {
            throw invalid(path, "empty node name at index " + at);
        }
        if (segment.equals(".") || segment.equals("..")) {
            throw invalid(path, "relative segment '" + segment + "' at index " + at);
        }
    }

    private static void checkCharacter(String path, char c, int at) {
        boolean control = c <= '\u001f' || c >= '\u007f' && c <= '\u009f';
        boolean reserved = c >= '\ud800' && c <= '\uf8ff' || c >= '\ufff0';
        if (control || reserved) {
            String why = String.format("invalid character \\u%04x at index %d", (int) c, at);
            throw invalid(path, why);
        }
    }

    private static IllegalArgumentException invalid(String path, String why) {
        return new IllegalArgumentException("invalid path \"" + path + "\": " + why);
    }
}
