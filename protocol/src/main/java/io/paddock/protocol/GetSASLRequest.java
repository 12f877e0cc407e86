package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import java.util.Arrays;
import java.util.Objects;

/**
 * One client step of a SASL exchange.
 *
 * <p>Equality compares the byte arrays by content; the arrays are shared, not copied, so
 * callers must not mutate them after construction.
 */
public record GetSASLRequest(byte[] token) implements Record {

    public static GetSASLRequest read(JuteInput in) {
        return new GetSASLRequest(in.readBuffer());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeBuffer(token);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GetSASLRequest that)) {
            return false;
        }
        return Arrays.equals(token, that.token);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(token);
    }

    @Override
    public String toString() {
        return "GetSASLRequest["
                + "token=" + Buffers.describe(token) + "]";
    }
}
