package io.paddock.client.internal;

import io.paddock.client.PathValidator;

/**
 * Maps the caller's paths to the server's by prefixing the chroot and namespace, and back.
 * Immutable, thread-safe.
 */
public final class Namespace {
    private final String prefix;

    /** @param prefix an absolute path, or "" for none */
    public Namespace(String prefix) {
        if (!prefix.isEmpty()) {
            PathValidator.validate(prefix);
        }
        this.prefix = "/".equals(prefix) ? "" : prefix;
    }

    public static Namespace of(String chroot, String namespace) {
        String ns = namespace == null || namespace.isEmpty() ? ""
                : namespace.startsWith("/") ? namespace : "/" + namespace;
        return new Namespace((chroot == null ? "" : chroot) + ns);
    }

    public boolean isEmpty() {
        return prefix.isEmpty();
    }

    public String prefix() {
        return prefix;
    }

    /** Validates a caller's path and returns the server's. */
    public String toServer(String path) {
        PathValidator.validate(path);
        if (prefix.isEmpty()) {
            return path;
        }
        return "/".equals(path) ? prefix : prefix + path;
    }

    /** The caller's view of a server path; a path outside the namespace is returned as is. */
    public String toClient(String serverPath) {
        if (prefix.isEmpty() || serverPath == null) {
            return serverPath;
        }
        if (serverPath.equals(prefix)) {
            return "/";
        }
        if (serverPath.startsWith(prefix) && serverPath.charAt(prefix.length()) == '/') {
            return serverPath.substring(prefix.length());
        }
        return serverPath;
    }
}
