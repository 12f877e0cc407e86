/**
 * The asynchronous API: {@link io.paddock.client.async.AsyncPaddockClient}, reached through
 * {@code PaddockClient.async()}, with the same builders as the synchronous client.
 */
package io.paddock.client.async;
