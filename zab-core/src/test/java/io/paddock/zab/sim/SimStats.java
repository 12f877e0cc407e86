package io.paddock.zab.sim;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counters of one run, or summed over many: steps taken, faults injected by kind, messages,
 * writes and commits.
 *
 * <p>Not thread-safe.
 */
public final class SimStats {

    long steps;
    long ticks;
    long writes;
    long delivered;
    long messagesDelivered;
    long messagesDropped;
    long messagesDuplicated;
    final Map<String, Long> faults = new TreeMap<>();

    void fault(String kind) {
        faults.merge(kind, 1L, Long::sum);
    }

    public long steps() {
        return steps;
    }

    public long faultCount() {
        long n = 0;
        for (long v : faults.values()) {
            n += v;
        }
        return n;
    }

    /** Adds another run's counters to these. */
    public void add(SimStats other) {
        steps += other.steps;
        ticks += other.ticks;
        writes += other.writes;
        delivered += other.delivered;
        messagesDelivered += other.messagesDelivered;
        messagesDropped += other.messagesDropped;
        messagesDuplicated += other.messagesDuplicated;
        other.faults.forEach((k, v) -> faults.merge(k, v, Long::sum));
    }

    @Override
    public String toString() {
        return "steps=" + steps + " ticks=" + ticks + " writes=" + writes + " txns-delivered=" + delivered
                + " messages delivered=" + messagesDelivered + " dropped=" + messagesDropped + " duplicated="
                + messagesDuplicated + " faults=" + faultCount() + " " + faults;
    }
}
