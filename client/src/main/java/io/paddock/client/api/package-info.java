/**
 * The fluent builders behind {@code PaddockClient}'s operations. Every builder is generic in its
 * result {@code R}: the synchronous client returns the value itself (and throws typed
 * {@code PaddockException}s), {@code client.async()} returns a {@code CompletableFuture} of it,
 * completed on the client's event thread. Builders are single-use and not thread-safe.
 */
package io.paddock.client.api;
