/**
 * Paddock's own ZooKeeper-protocol client. For now, the pieces every client needs first: the
 * connect string and znode path validation.
 */
package io.paddock.client;
