package io.paddock.server.admin.http;

import java.util.Map;

/**
 * What an {@link HttpEndpoint} serves: the answer to a GET of {@code path} with the query's
 * parameters (the first value of each). Called on the endpoint's own I/O thread, one request at
 * a time, so an implementation must not block for long; it must be thread-safe towards the
 * server it reads.
 */
@FunctionalInterface
public interface HttpRoutes {
    HttpReply get(String path, Map<String, String> params);
}
