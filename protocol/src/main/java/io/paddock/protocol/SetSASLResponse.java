package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import java.util.Arrays;
import java.util.Objects;

/**
 * One server step of a SASL exchange.
 *
 * <p>Equality compares the byte arrays by content; the arrays are shared, not copied, so
 * callers must not mutate them after construction.
 */
public record SetSASLResponse(byte[] token) implements Record {

    public static SetSASLResponse read(JuteInput in) {
        return new SetSASLResponse(in.readBuffer());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeBuffer(token);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SetSASLResponse that)) {
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
        return "SetSASLResponse["
                + "token=" + Buffers.describe(token) + "]";
    }
}
