package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import java.util.Arrays;
import java.util.Objects;

/**
 * The server's answer to a {@link ConnectRequest}: the session, timeout and password.
 *
 * <p>Clients older than 3.4 expect no {@code readOnly} byte, so it reads as false when the frame
 * ends before it; it is always written.
 *
 * <p>Equality compares the byte arrays by content; the arrays are shared, not copied, so
 * callers must not mutate them after construction.
 */
public record ConnectResponse(
        int protocolVersion,
        int timeOut,
        long sessionId,
        byte[] passwd,
        boolean readOnly) implements Record {

    public static ConnectResponse read(JuteInput in) {
        return new ConnectResponse(
                in.readInt(),
                in.readInt(),
                in.readLong(),
                in.readBuffer(),
                in.hasRemaining() && in.readBool());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(protocolVersion);
        out.writeInt(timeOut);
        out.writeLong(sessionId);
        out.writeBuffer(passwd);
        out.writeBool(readOnly);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConnectResponse that)) {
            return false;
        }
        return protocolVersion == that.protocolVersion
                && timeOut == that.timeOut
                && sessionId == that.sessionId
                && Arrays.equals(passwd, that.passwd)
                && readOnly == that.readOnly;
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(protocolVersion, timeOut, sessionId, readOnly)
                + Arrays.hashCode(passwd);
    }

    @Override
    public String toString() {
        return "ConnectResponse["
                + "protocolVersion=" + protocolVersion
                + ", timeOut=" + timeOut
                + ", sessionId=" + sessionId
                + ", passwd=" + Buffers.describe(passwd)
                + ", readOnly=" + readOnly + "]";
    }
}
