/**
 * JMH micro-benchmarks of the hot pieces, each Paddock benchmark beside its Apache ZooKeeper
 * (or BlockingQueue) twin in the same class so one run compares them: frame decode/encode,
 * tree create/get/set, watch fan-out, and the Disruptor hop.
 */
package io.paddock.bench.jmh;
