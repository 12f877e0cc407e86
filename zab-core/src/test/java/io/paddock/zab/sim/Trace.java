package io.paddock.zab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The last transitions of a run, one line each (deliver, drop, crash, restart, tick, role change,
 * commit, ...), kept in a ring and formatted only when a run fails. Consecutive ticks share one
 * line, stamped with the first one's time.
 *
 * <p>Not thread-safe: driven by the simulator's single thread.
 */
final class Trace {

    private final long[] times;
    private final Object[] details;
    private final int capacity;
    private int next;
    private long count;
    private StringBuilder openTicks;
    private boolean echo;

    Trace(int capacity) {
        this.capacity = capacity;
        this.times = new long[capacity];
        this.details = new Object[capacity];
    }

    /** Also prints every line as it happens (scripted scenarios, debugging). */
    void echo(boolean on) {
        this.echo = on;
    }

    /** A transition whose text is built only if the trace is printed. */
    void add(long time, Supplier<String> line) {
        put(time, line);
    }

    void add(long time, String line) {
        put(time, line);
    }

    void tick(long time, long peer) {
        if (openTicks != null && openTicks.length() < 120) {
            openTicks.append(' ').append(peer);
            return;
        }
        openTicks = new StringBuilder("tick ").append(peer);
        put(time, openTicks);
    }

    private void put(long time, Object line) {
        if (!(line instanceof StringBuilder)) {
            openTicks = null;
        }
        times[next] = time;
        details[next] = line;
        next = (next + 1) % capacity;
        count++;
        if (echo) {
            System.out.println(format(time, line));
        }
    }

    /** The kept lines, oldest first. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        int size = (int) Math.min(count, capacity);
        int start = (next - size + capacity) % capacity;
        for (int i = 0; i < size; i++) {
            int at = (start + i) % capacity;
            out.add(format(times[at], details[at]));
        }
        return out;
    }

    long count() {
        return count;
    }

    private static String format(long time, Object detail) {
        String text = detail instanceof Supplier<?> s ? String.valueOf(s.get()) : String.valueOf(detail);
        return String.format("%7d %s", time, text);
    }
}
