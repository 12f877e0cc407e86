package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import java.util.Arrays;
import java.util.Objects;

/**
 * A znode's data and stat.
 *
 * <p>Equality compares the byte arrays by content; the arrays are shared, not copied, so
 * callers must not mutate them after construction.
 */
public record GetDataResponse(byte[] data, Stat stat) implements Record {

    public static GetDataResponse read(JuteInput in) {
        return new GetDataResponse(in.readBuffer(), Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeBuffer(data);
        stat.write(out);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GetDataResponse that)) {
            return false;
        }
        return Arrays.equals(data, that.data)
                && Objects.equals(stat, that.stat);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(stat) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "GetDataResponse["
                + "data=" + Buffers.describe(data)
                + ", stat=" + stat + "]";
    }
}
