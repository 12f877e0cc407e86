package io.paddock.bench.load;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The pre-created nodes that setData, getData, exists and the mix work on, and the value every
 * write carries. Immutable.
 */
final class Keyspace {
    static final String ROOT = "/bench";
    static final String KEYS = ROOT + "/keys";

    private final List<String> keys;
    private final byte[] value;

    Keyspace(int size, int valueBytes) {
        this.keys = IntStream.range(0, size).mapToObj(i -> String.format("%s/k%06d", KEYS, i))
                .toList();
        this.value = new byte[valueBytes];
        new Random(42).nextBytes(value);
    }

    String key(long seq) {
        return keys.get((int) (seq % keys.size()));
    }

    List<String> keys() {
        return keys;
    }

    int size() {
        return keys.size();
    }

    /** The shared value; callers must not change it. */
    byte[] value() {
        return value;
    }
}
