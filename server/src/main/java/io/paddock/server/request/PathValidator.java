package io.paddock.server.request;

/**
 * ZooKeeper's znode path rules (PathUtils.validatePath): absolute, no trailing slash except
 * the root, no empty segment, no "." or ".." segment, no NUL, control or private-use
 * characters.
 */
public final class PathValidator {
    private PathValidator() {
    }

    public static boolean isValid(String path) {
        return invalidReason(path) == null;
    }

    /** Why the path is invalid, or null when it is valid. */
    public static String invalidReason(String path) {
        if (path == null) {
            return "path cannot be null";
        }
        if (path.isEmpty()) {
            return "path length must be > 0";
        }
        if (path.charAt(0) != '/') {
            return "path must start with / character";
        }
        if (path.length() == 1) {
            return null;
        }
        if (path.charAt(path.length() - 1) == '/') {
            return "path must not end with / character";
        }
        char last = '/';
        for (int i = 1; i < path.length(); last = path.charAt(i), i++) {
            char c = path.charAt(i);
            String reason = checkChar(path, i, c, last);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    private static String checkChar(String path, int i, char c, char last) {
        boolean segmentEnds = i + 1 == path.length() || path.charAt(i + 1) == '/';
        if (c == 0) {
            return "null character not allowed @" + i;
        } else if (c == '/' && last == '/') {
            return "empty node name specified @" + i;
        } else if (c == '.' && last == '.') {
            if (path.charAt(i - 2) == '/' && segmentEnds) {
                return "relative paths not allowed @" + i;
            }
        } else if (c == '.') {
            if (last == '/' && segmentEnds) {
                return "relative paths not allowed @" + i;
            }
        } else if (c > '\u0000' && c <= '\u001f' || c >= '\u007f' && c <= '\u009f'
                || c >= '\ud800' && c <= '\uf8ff' || c >= '\ufff0') {
            return "invalid character @" + i;
        }
        return null;
    }
}
