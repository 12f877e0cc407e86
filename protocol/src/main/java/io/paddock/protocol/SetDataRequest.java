package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import java.util.Arrays;
import java.util.Objects;

/**
 * Replaces a znode's data if {@code version} matches (-1 matches any).
 *
 * <p>Equality compares the byte arrays by content; the arrays are shared, not copied, so
 * callers must not mutate them after construction.
 */
public record SetDataRequest(String path, byte[] data, int version) implements Record {

    public static SetDataRequest read(JuteInput in) {
        return new SetDataRequest(in.readString(), in.readBuffer(), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBuffer(data);
        out.writeInt(version);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SetDataRequest that)) {
            return false;
        }
        return Objects.equals(path, that.path)
                && Arrays.equals(data, that.data)
                && version == that.version;
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(path, version) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "SetDataRequest["
                + "path=" + path
                + ", data=" + Buffers.describe(data)
                + ", version=" + version + "]";
    }
}
