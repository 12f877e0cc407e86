package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Creates a znode; {@code flags} is a CreateMode number.
 *
 * <p>Equality compares the byte arrays by content; the arrays are shared, not copied, so
 * callers must not mutate them after construction.
 */
public record CreateRequest(String path, byte[] data, List<ACL> acl, int flags) implements Record {

    public static CreateRequest read(JuteInput in) {
        return new CreateRequest(in.readString(), in.readBuffer(), ACL.readList(in), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBuffer(data);
        ACL.writeList(out, acl);
        out.writeInt(flags);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CreateRequest that)) {
            return false;
        }
        return Objects.equals(path, that.path)
                && Arrays.equals(data, that.data)
                && Objects.equals(acl, that.acl)
                && flags == that.flags;
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(path, acl, flags) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "CreateRequest["
                + "path=" + path
                + ", data=" + Buffers.describe(data)
                + ", acl=" + acl
                + ", flags=" + flags + "]";
    }
}
