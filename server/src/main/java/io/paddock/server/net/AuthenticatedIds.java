package io.paddock.server.net;

import io.paddock.protocol.Id;
import java.util.List;

/**
 * A user event that a handler ahead of {@link ClientConnection} fires once it has proven ids
 * for the connection (a TLS client certificate's x509 id); the connection adds them to its
 * auth info.
 */
public record AuthenticatedIds(List<Id> ids) {
    public AuthenticatedIds {
        ids = List.copyOf(ids);
    }
}
