package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import java.util.Arrays;
import java.util.Objects;

/**
 * The client's first frame: asks for a new session or to resume {@code sessionId}.
 *
 * <p>Clients older than 3.4 send no {@code readOnly} byte, so it reads as false when the frame
 * ends before it; it is always written.
 *
 * <p>Equality compares the byte arrays by content; the arrays are shared, not copied, so
 * callers must not mutate them after construction.
 */
public record ConnectRequest(
        int protocolVersion,
        long lastZxidSeen,
        int timeOut,
        long sessionId,
        byte[] passwd,
        boolean readOnly) implements Record {

    public static ConnectRequest read(JuteInput in) {
        return new ConnectRequest(
                in.readInt(),
                in.readLong(),
                in.readInt(),
                in.readLong(),
                in.readBuffer(),
                in.hasRemaining() && in.readBool());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(protocolVersion);
        out.writeLong(lastZxidSeen);
        out.writeInt(timeOut);
        out.writeLong(sessionId);
        out.writeBuffer(passwd);
        out.writeBool(readOnly);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConnectRequest that)) {
            return false;
        }
        return protocolVersion == that.protocolVersion
                && lastZxidSeen == that.lastZxidSeen
                && timeOut == that.timeOut
                && sessionId == that.sessionId
                && Arrays.equals(passwd, that.passwd)
                && readOnly == that.readOnly;
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(protocolVersion, lastZxidSeen, timeOut, sessionId, readOnly)
                + Arrays.hashCode(passwd);
    }

    @Override
    public String toString() {
        return "ConnectRequest["
                + "protocolVersion=" + protocolVersion
                + ", lastZxidSeen=" + lastZxidSeen
                + ", timeOut=" + timeOut
                + ", sessionId=" + sessionId
                + ", passwd=" + Buffers.describe(passwd)
                + ", readOnly=" + readOnly + "]";
    }
}
