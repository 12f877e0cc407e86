package io.paddock.recipes.nodes;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Unwraps the failure an async client call completed with: dependent stages wrap it in
 * {@link CompletionException}, blocking gets in {@link ExecutionException}.
 *
 * <p>Thread-safe: stateless.
 */
public final class Failures {
    private Failures() {
    }

    /** The typed exception under any completion wrappers. */
    public static Throwable cause(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
