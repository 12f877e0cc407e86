package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import java.util.Arrays;
import java.util.Objects;

/**
 * Adds credentials to the session (op code auth, xid -4).
 *
 * <p>Equality compares the byte arrays by content; the arrays are shared, not copied, so
 * callers must not mutate them after construction.
 */
public record AuthPacket(int type, String scheme, byte[] auth) implements Record {

    public static AuthPacket read(JuteInput in) {
        return new AuthPacket(in.readInt(), in.readString(), in.readBuffer());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(type);
        out.writeString(scheme);
        out.writeBuffer(auth);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AuthPacket that)) {
            return false;
        }
        return type == that.type
                && Objects.equals(scheme, that.scheme)
                && Arrays.equals(auth, that.auth);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(type, scheme) + Arrays.hashCode(auth);
    }

    @Override
    public String toString() {
        return "AuthPacket["
                + "type=" + type
                + ", scheme=" + scheme
                + ", auth=" + Buffers.describe(auth) + "]";
    }
}
