package io.paddock.server.request;

import io.paddock.protocol.CreateMode;
import io.paddock.protocol.ACL;
import io.paddock.protocol.CreateRequest;
import io.paddock.protocol.CreateTTLRequest;
import io.paddock.protocol.Record;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.tree.EphemeralType;
import java.util.List;

/** The fields of a create, createContainer or createTTL request; ttl is -1 when absent. */
record CreateSpec(String path, byte[] data, List<ACL> acl, CreateMode mode, long ttl) {
    static CreateSpec of(int opCode, Record request) {
        String path;
        byte[] data;
        List<ACL> acl;
        int flags;
        long ttl = -1;
        if (opCode == OpCode.CREATE_TTL) {
            CreateTTLRequest r = (CreateTTLRequest) request;
            path = r.path();
            data = r.data();
            acl = r.acl();
            flags = r.flags();
            ttl = r.ttl();
        } else {
            CreateRequest r = (CreateRequest) request;
            path = r.path();
            data = r.data();
            acl = r.acl();
            flags = r.flags();
        }
        CreateMode mode = CreateMode.ofFlag(flags);
        if (mode == null || path == null) {
            throw new PrepareError(ErrorCode.BAD_ARGUMENTS);
        }
        return new CreateSpec(path, data, acl, mode, ttl);
    }

    /**
     * The ephemeralOwner the node gets, decided by the op as ZooKeeper's txn types decide it:
     * createContainer makes a container, createTTL a TTL node, create/create2 an ephemeral
     * only for an ephemeral mode.
     */
    long ephemeralOwner(int opCode, long sessionId) {
        if (opCode == OpCode.CREATE_CONTAINER) {
            return EphemeralType.CONTAINER_OWNER;
        }
        if (opCode == OpCode.CREATE_TTL) {
            return EphemeralType.ttlOwner(ttl);
        }
        return mode.isEphemeral() ? sessionId : 0;
    }
}
