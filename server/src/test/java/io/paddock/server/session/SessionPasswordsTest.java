package io.paddock.server.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SessionPasswordsTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();

    /** Passwords must not change across versions: a restarted server derives them again. */
    @Test
    void keyedIsTheFirstSixteenBytesOfSha256OfSecretThenId() throws Exception {
        SessionPasswords keyed = SessionPasswords.keyed(SECRET);
        for (long id : new long[] {0, 1, 0x0100_0000_0000_0001L, Long.MAX_VALUE, -1}) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(SECRET);
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(0, id));
            assertArrayEquals(Arrays.copyOf(sha.digest(), SessionPasswords.LENGTH),
                    keyed.passwordFor(id), "id " + id);
        }
    }

    @Test
    void keyedGivesEachIdItsOwnPasswordOnEveryCall() {
        SessionPasswords keyed = SessionPasswords.keyed(SECRET);
        assertArrayEquals(keyed.passwordFor(42), keyed.passwordFor(42));
        assertFalse(Arrays.equals(keyed.passwordFor(42), keyed.passwordFor(43)));
        assertFalse(Arrays.equals(keyed.passwordFor(42),
                SessionPasswords.keyed("another secret, sixteen bytes+".getBytes()).passwordFor(42)));
    }

    /** Apply, reply and I/O threads derive passwords at once from one scheme. */
    @Test
    void keyedIsSafeFromManyThreads() throws Exception {
        SessionPasswords keyed = SessionPasswords.keyed(SECRET);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    int same = 0;
                    for (long id = 0; id < 5_000; id++) {
                        same += Arrays.equals(keyed.passwordFor(id), expected(id)) ? 1 : 0;
                    }
                    return same;
                }));
            }
            for (Future<Integer> f : results) {
                assertEquals(5_000, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] expected(long id) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(SECRET);
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(0, id));
        return Arrays.copyOf(sha.digest(), SessionPasswords.LENGTH);
    }
}
