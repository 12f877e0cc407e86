package io.paddock.client.cli;

import io.paddock.client.exception.ConnectionLossException;
import io.paddock.client.exception.PaddockException;
import io.paddock.client.exception.SessionExpiredException;
import java.util.Locale;

/**
 * Words a failure the way zkCli prints it ("Node does not exist: /a"), so operators' habits and
 * scripts that grep zkCli's output keep working.
 *
 * <p>Thread-safe: stateless.
 */
final class ErrorWords {
    private ErrorWords() {
    }

    static String of(PaddockException e) {
        String path = e.path();
        return switch (e.code()) {
            case NO_NODE -> "Node does not exist: " + path;
            case NO_CHILDREN_FOR_EPHEMERALS -> "Ephemerals cannot have children: " + path;
            case NODE_EXISTS -> "Node already exists: " + path;
            case NOT_EMPTY -> "Node not empty: " + path;
            case NOT_READ_ONLY -> "Not a read-only call: " + path;
            case INVALID_ACL -> "Acl is not valid : " + path;
            case NO_AUTH -> "Authentication is not valid : " + path;
            case BAD_ARGUMENTS -> "Arguments are not valid : " + path;
            case BAD_VERSION -> "version No is not valid : " + path;
            case RECONFIG_IN_PROGRESS ->
                "Another reconfiguration is in progress -- concurrent reconfigs not supported (yet)";
            default -> generic(e);
        };
    }

    /** zkCli falls back to KeeperException's message: "KeeperErrorCode = NoWatcher for /a". */
    private static String generic(PaddockException e) {
        String text = "KeeperErrorCode = " + camel(e.code().name());
        if (e instanceof ConnectionLossException || e instanceof SessionExpiredException) {
            text += " (is the server up? try 'connect')";
        }
        return e.path() == null ? text : text + " for " + e.path();
    }

    /** NO_WATCHER becomes NoWatcher, as ZooKeeper's names for codes and events read. */
    static String camel(String constant) {
        StringBuilder b = new StringBuilder();
        for (String part : constant.split("_")) {
            b.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }
}
