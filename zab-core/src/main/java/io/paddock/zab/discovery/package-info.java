/**
 * Discovery (Zab paper, section 3.2, phase 1): the prospective leader collects the accepted epochs
 * of a quorum, proposes an epoch above all of them, and learners promise it (acceptedEpoch is
 * durable before the promise is sent). Pure.
 */
package io.paddock.zab.discovery;
