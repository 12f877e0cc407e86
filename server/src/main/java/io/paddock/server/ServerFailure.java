package io.paddock.server;

import java.util.Objects;

/**
 * Why a server stopped on its own: a stage of its pipeline hit an error it must not survive
 * (the txn log failed, or a logged txn could not be applied).
 *
 * @param where the stage and the request it was handling
 * @param cause what was thrown; for the log, its message names the file
 */
public record ServerFailure(String where, Throwable cause) {
    public ServerFailure {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(cause, "cause");
    }

    /** One line for an operator: where, then the cause and its own cause. */
    public String describe() {
        StringBuilder b = new StringBuilder(where).append(": ").append(name(cause));
        Throwable inner = cause.getCause();
        if (inner != null && inner != cause) {
            b.append(" (").append(name(inner)).append(')');
        }
        return b.toString().replace('\n', ' ');
    }

    private static String name(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
