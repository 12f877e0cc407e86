package io.paddock.server.admin.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What an {@link HttpEndpoint} serves. Most endpoints are read-only and implement only
 * {@link #get}: the answer to a GET of {@code path} with the query's parameters (the first
 * value of each). One that takes other methods, needs the headers, or answers later (a write
 * that waits for the pipeline) overrides {@link #handle}.
 *
 * <p>Called on the endpoint's own I/O thread, one request at a time, so an implementation
 * must not block for long (answer later through the returned stage instead); it must be
 * thread-safe towards the server it reads.
 */
@FunctionalInterface
public interface HttpRoutes {
    HttpReply get(String path, Map<String, String> params);

    /** GET and HEAD go to {@link #get}; any other method is refused with 405. */
    default CompletionStage<HttpReply> handle(HttpCall call) {
        if (!call.isRead()) {
            return CompletableFuture.completedFuture(new HttpReply(405, "text/plain; charset=utf-8",
                    "only GET is served here\n".getBytes(StandardCharsets.UTF_8),
                    Map.of("Allow", "GET, HEAD")));
        }
        return CompletableFuture.completedFuture(get(call.path(), call.params()));
    }
}
