/**
 * Retry policies: when an operation that is safe to repeat failed because the connection was
 * lost, how long to pause and whether to try again.
 */
package io.paddock.client.retry;
