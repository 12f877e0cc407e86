package io.paddock.server.request;

import io.paddock.protocol.Record;
import io.paddock.protocol.codec.JuteOutput;

/**
 * The server-internal request that reaps an empty container or an expired TTL node (never
 * sent by clients; a {@link io.paddock.protocol.DeleteRequest} is accepted as well).
 */
public record DeleteContainerRequest(String path) implements Record {
    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
    }
}
