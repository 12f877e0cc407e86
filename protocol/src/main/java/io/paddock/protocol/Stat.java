package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** The metadata of a znode as the client sees it, in jute field order. */
public record Stat(
        long czxid,
        long mzxid,
        long ctime,
        long mtime,
        int version,
        int cversion,
        int aversion,
        long ephemeralOwner,
        int dataLength,
        int numChildren,
        long pzxid) implements Record {

    public static Stat read(JuteInput in) {
        return new Stat(in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                in.readInt(), in.readInt(), in.readInt(), in.readLong(),
                in.readInt(), in.readInt(), in.readLong());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeLong(czxid);
        out.writeLong(mzxid);
        out.writeLong(ctime);
        out.writeLong(mtime);
        out.writeInt(version);
        out.writeInt(cversion);
        out.writeInt(aversion);
        out.writeLong(ephemeralOwner);
        out.writeInt(dataLength);
        out.writeInt(numChildren);
        out.writeLong(pzxid);
    }
}
