package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Creates a znode that expires {@code ttl} ms after its last change once it has no children.
 *
 * <p>Equality compares the byte arrays by content; the arrays are shared, not copied, so
 * callers must not mutate them after construction.
 */
public record CreateTTLRequest(
        String path,
        byte[] data,
        List<ACL> acl,
        int flags,
        long ttl) implements Record {

    public static CreateTTLRequest read(JuteInput in) {
        return new CreateTTLRequest(
                in.readString(),
                in.readBuffer(),
                ACL.readList(in),
                in.readInt(),
                in.readLong());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBuffer(data);
        ACL.writeList(out, acl);
        out.writeInt(flags);
        out.writeLong(ttl);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CreateTTLRequest that)) {
            return false;
        }
        return Objects.equals(path, that.path)
                && Arrays.equals(data, that.data)
                && Objects.equals(acl, that.acl)
                && flags == that.flags
                && ttl == that.ttl;
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(path, acl, flags, ttl) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "CreateTTLRequest["
                + "path=" + path
                + ", data=" + Buffers.describe(data)
                + ", acl=" + acl
                + ", flags=" + flags
                + ", ttl=" + ttl + "]";
    }
}
