package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;

/** Changes the ensemble membership, incrementally or as a whole new member list. */
public record ReconfigRequest(
        String joiningServers,
        String leavingServers,
        String newMembers,
        long curConfigId) implements Record {

    public static ReconfigRequest read(JuteInput in) {
        return new ReconfigRequest(
                in.readString(),
                in.readString(),
                in.readString(),
                in.readLong());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(joiningServers);
        out.writeString(leavingServers);
        out.writeString(newMembers);
        out.writeLong(curConfigId);
    }
}
