package io.paddock.testing;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators shared by the fuzz tests: arbitrary byte strings, and valid inputs mutated
 * the ways that break parsers (a flipped byte, a length field set to -1, 2^31-1 or just past
 * the end, a cut, an insertion, a deleted or repeated run of bytes).
 *
 * <p>Stateless.
 */
public final class FuzzInputs {
    /** Values written over an int field: the boundaries of every length check. */
    private static final int[] INTERESTING = {
        -1, -2, 0, 1, 2, 3, 4, 8, 16, 127, 128, 255, 256, 0x7fff, 0xffff, 0xfffff, 0x100000,
        1 << 24, 0x3fffffff, 0x7ffffffe, Integer.MAX_VALUE, Integer.MIN_VALUE, -129
    };

    private FuzzInputs() {
    }

    /** Byte strings of up to {@code maxSize} bytes, any values. */
    public static Arbitrary<byte[]> bytes(int maxSize) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxSize);
    }

    /** One to {@code maxMutations} mutations applied to {@code valid}. */
    public static Arbitrary<byte[]> mutated(byte[] valid, int maxMutations) {
        return mutation().list().ofMinSize(1).ofMaxSize(maxMutations)
                .map(ms -> apply(valid, ms));
    }

    /** A mutation, to be applied with {@link #apply}. */
    public static Arbitrary<Mutation> mutation() {
        Arbitrary<Integer> value = Arbitraries.oneOf(
                Arbitraries.of(Arrays.stream(INTERESTING).boxed().toList()),
                Arbitraries.integers());
        return Combinators.combine(Arbitraries.of(Kind.values()),
                Arbitraries.integers().greaterOrEqual(0), value, bytes(16)).as(Mutation::new);
    }

    /** Applies mutations in order; positions wrap around the current length. */
    public static byte[] apply(byte[] valid, List<Mutation> mutations) {
        byte[] b = valid.clone();
        for (Mutation m : mutations) {
            b = m.apply(b);
        }
        return b;
    }

    /** What a mutation does. */
    public enum Kind { FLIP, SET_BYTE, SET_INT, SET_INT_PAST_END, CUT, INSERT, DELETE, REPEAT }

    /**
     * One change to a byte string.
     *
     * @param position where, modulo the length (plus one where the end is a place)
     * @param value the byte or int written, or the run length
     * @param insert the bytes inserted by INSERT
     */
    public record Mutation(Kind kind, int position, int value, byte[] insert) {
        byte[] apply(byte[] b) {
            int at = position % (b.length + 1);
            return switch (kind) {
                case FLIP -> b.length == 0 ? b : flip(b, at % b.length, 1 << (value & 7));
                case SET_BYTE -> b.length == 0 ? b : set(b, at % b.length, (byte) value);
                case SET_INT -> setInt(b, at, value);
                case SET_INT_PAST_END -> setInt(b, at, b.length - at - 4 + 1 + (value & 3));
                case CUT -> Arrays.copyOf(b, at);
                case INSERT -> splice(b, at, 0, insert);
                case DELETE -> splice(b, at, Math.min(b.length - at, value & 31), new byte[0]);
                case REPEAT -> splice(b, at, 0,
                        Arrays.copyOfRange(b, at, Math.min(b.length, at + (value & 31))));
            };
        }

        private static byte[] flip(byte[] b, int at, int mask) {
            byte[] c = b.clone();
            c[at] ^= (byte) mask;
            return c;
        }

        private static byte[] set(byte[] b, int at, byte value) {
            byte[] c = b.clone();
            c[at] = value;
            return c;
        }

        private static byte[] setInt(byte[] b, int at, int value) {
            byte[] c = b.length - at < 4 ? Arrays.copyOf(b, at + 4) : b.clone();
            ByteBuffer.wrap(c).putInt(at, value);
            return c;
        }

        private static byte[] splice(byte[] b, int at, int remove, byte[] add) {
            byte[] c = new byte[b.length - remove + add.length];
            System.arraycopy(b, 0, c, 0, at);
            System.arraycopy(add, 0, c, at, add.length);
            System.arraycopy(b, at + remove, c, at + add.length, b.length - at - remove);
            return c;
        }

        @Override
        public String toString() {
            return kind + "@" + position + "=" + value
                    + (kind == Kind.INSERT ? Arrays.toString(insert) : "");
        }
    }
}
