/**
 * Durable state of a Paddock server: the transaction log and, later, snapshots. Storage knows zxids
 * and bytes only, never znodes, sessions or requests.
 */
package io.paddock.storage;
