/**
 * ZAB as a pure state machine: it takes messages, ticks and "persisted up to zxid" events and
 * returns what to do. This package and its protocol subpackages do no I/O, own no threads and read
 * no clock (enforced by {@code PurityTest}); the runtime around them does all three.
 */
package io.paddock.zab;
