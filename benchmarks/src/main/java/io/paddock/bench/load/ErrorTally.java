package io.paddock.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Failures counted by name. Thread-safe: callbacks of many sessions add at once. */
final class ErrorTally {
    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    void add(String name, long n) {
        if (n > 0) {
            counts.computeIfAbsent(name, k -> new LongAdder()).add(n);
        }
    }

    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
