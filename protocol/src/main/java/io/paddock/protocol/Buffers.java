package io.paddock.protocol;

/** How records that carry byte buffers print them. Stateless. */
final class Buffers {
    private Buffers() {
    }

    /**
     * A buffer's length only, never its content: buffers can hold passwords and tokens, and
     * records end up in logs.
     */
    static String describe(byte[] b) {
        return b == null ? "null" : "byte[" + b.length + "]";
    }
}
