package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import java.util.List;

/** Replaces a znode's ACL if its ACL {@code version} matches (-1 matches any). */
public record SetACLRequest(String path, List<ACL> acl, int version) implements Record {

    public static SetACLRequest read(JuteInput in) {
        return new SetACLRequest(in.readString(), ACL.readList(in), in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        ACL.writeList(out, acl);
        out.writeInt(version);
    }
}
