package io.paddock.protocol;

import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import java.util.List;

/** One access-control entry: a permission bit set granted to an {@link Id}. */
public record ACL(int perms, Id id) implements Record {
    public static final List<ACL> OPEN_ACL_UNSAFE = List.of(new ACL(Perms.ALL, Id.ANYONE));
    public static final List<ACL> CREATOR_ALL_ACL = List.of(new ACL(Perms.ALL, Id.AUTH_IDS));
    public static final List<ACL> READ_ACL_UNSAFE = List.of(new ACL(Perms.READ, Id.ANYONE));

    public static ACL read(JuteInput in) {
        return new ACL(in.readInt(), Id.read(in));
    }

    public static List<ACL> readList(JuteInput in) {
        return in.readVector(ACL::read);
    }

    public static void writeList(JuteOutput out, List<ACL> acl) {
        out.writeVector(acl, (o, a) -> a.write(o));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(perms);
        id.write(out);
    }

    /** Permission bits, as ZooDefs.Perms numbers them. */
    public static final class Perms {
        public static final int READ = 1;
        public static final int WRITE = 1 << 1;
        public static final int CREATE = 1 << 2;
        public static final int DELETE = 1 << 3;
        public static final int ADMIN = 1 << 4;
        public static final int ALL = READ | WRITE | CREATE | DELETE | ADMIN;

        private Perms() {
        }
    }
}
