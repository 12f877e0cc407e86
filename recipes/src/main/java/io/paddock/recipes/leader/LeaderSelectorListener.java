package io.paddock.recipes.leader;

import io.paddock.client.PaddockClient;

/** The work a {@link LeaderSelector} runs while it leads. */
@FunctionalInterface
public interface LeaderSelectorListener {
    /**
     * Called on the selector's own thread when this participant becomes leader; leadership is
     * given up when it returns. The thread is interrupted when the connection is SUSPENDED or
     * LOST (leadership can no longer be trusted) or the selector is closed: stop promptly then.
     */
    void takeLeadership(PaddockClient client) throws Exception;
}
