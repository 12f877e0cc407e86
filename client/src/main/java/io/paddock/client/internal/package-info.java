/**
 * The client's machinery, not part of its API: connection and session management on one Netty
 * I/O thread ({@code ConnectionManager}), the event thread, watch tables, the retry loop and the
 * builders' implementations.
 */
package io.paddock.client.internal;
