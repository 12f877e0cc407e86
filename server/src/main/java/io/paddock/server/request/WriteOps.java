package io.paddock.server.request;

import io.paddock.protocol.ACL;
import io.paddock.protocol.CheckVersionRequest;
import io.paddock.protocol.CreateRequest;
import io.paddock.protocol.CreateTTLRequest;
import io.paddock.protocol.DeleteRequest;
import io.paddock.protocol.Id;
import io.paddock.protocol.Record;
import io.paddock.protocol.SetACLRequest;
import io.paddock.protocol.SetDataRequest;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.acl.AclChecker;
import io.paddock.server.acl.AclFixup;
import io.paddock.server.tree.DataTree;
import io.paddock.server.tree.EphemeralType;
import io.paddock.server.txn.CheckVersionTxn;
import io.paddock.server.txn.CreateTxn;
import io.paddock.server.txn.DeleteTxn;
import io.paddock.server.txn.SetAclTxn;
import io.paddock.server.txn.SetDataTxn;
import io.paddock.server.txn.Txn;
import java.util.List;
import java.util.Locale;

/**
 * Validates one node operation against the pending view and stages its changes, with
 * ZooKeeper's checks in ZooKeeper's order (PrepRequestProcessor.pRequest2Txn), so the same
 * request fails with the same error.
 *
 * <p>Not thread-safe: used on the prepare thread only.
 */
final class WriteOps {
    private final PendingChanges view;
    private final AclChecker acls;
    private final AclFixup fixup;
    private final PrepareSettings settings;

    WriteOps(PendingChanges view, AclChecker acls, AclFixup fixup, PrepareSettings settings) {
        this.view = view;
        this.acls = acls;
        this.fixup = fixup;
        this.settings = settings;
    }

    Txn prepare(int opCode, Record request, long sessionId, List<Id> authInfo) {
        return switch (opCode) {
            case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER, OpCode.CREATE_TTL ->
                    create(opCode, request, sessionId, authInfo);
            case OpCode.DELETE -> delete((DeleteRequest) request, authInfo);
            case OpCode.DELETE_CONTAINER -> deleteContainer(containerPath(request));
            case OpCode.SET_DATA -> setData((SetDataRequest) request, authInfo);
            case OpCode.SET_ACL -> setAcl((SetACLRequest) request, authInfo);
            case OpCode.CHECK -> check((CheckVersionRequest) request, authInfo);
            default -> throw new PrepareError(ErrorCode.UNIMPLEMENTED);
        };
    }

    private Txn create(int opCode, Record request, long sessionId, List<Id> authInfo) {
        CreateSpec spec = CreateSpec.of(opCode, request);
        if (spec.mode().isTtl() && !settings.extendedTypesEnabled()) {
            throw new PrepareError(ErrorCode.UNIMPLEMENTED);
        }
        if (opCode == OpCode.CREATE_TTL && !spec.mode().isTtl()) {
            throw new PrepareError(ErrorCode.BAD_ARGUMENTS);
        }
        if (spec.mode().isTtl() ? spec.ttl() <= 0 || spec.ttl() > EphemeralType.MAX_TTL
                : spec.ttl() >= 0) {
            throw new PrepareError(ErrorCode.BAD_ARGUMENTS);
        }
        String path = spec.path();
        int lastSlash = path.lastIndexOf('/');
        if (lastSlash == -1 || path.indexOf('\0') != -1) {
            throw new PrepareError(ErrorCode.BAD_ARGUMENTS);
        }
        String parentPath = lastSlash == 0 ? DataTree.ROOT : path.substring(0, lastSlash);
        List<ACL> acl = fixup.fixup(spec.acl(), authInfo);
        if (acl == null) {
            throw new PrepareError(ErrorCode.INVALID_ACL);
        }
        // Interned here, on the prepare thread, the apply thread finds the very same list.
        acl = view.internAcl(acl);
        ChangeRecord parent = require(parentPath);
        requirePerm(parent, ACL.Perms.CREATE, authInfo);
        if (spec.mode().isSequential()) {
            path = path + String.format(Locale.ENGLISH, "%010d", parent.cversion());
        }
        validatePath(path);
        if (view.get(path) != null) {
            throw new PrepareError(ErrorCode.NODE_EXISTS);
        }
        if (EphemeralType.of(parent.ephemeralOwner()) == EphemeralType.NORMAL) {
            throw new PrepareError(ErrorCode.NO_CHILDREN_FOR_EPHEMERALS);
        }
        int newCversion = parent.cversion() + 1;
        long owner = spec.ephemeralOwner(opCode, sessionId);
        view.stage(parent.withChildAdded(newCversion));
        view.stage(new ChangeRecord(path, true, 0, 0, 0, owner, 0, acl));
        return new CreateTxn(path, spec.data(), acl, owner, newCversion);
    }

    private Txn delete(DeleteRequest request, List<Id> authInfo) {
        String path = request.path();
        String parentPath = parentForDelete(path);
        ChangeRecord parent = require(parentPath);
        requirePerm(parent, ACL.Perms.DELETE, authInfo);
        ChangeRecord node = require(path);
        nextVersion(node.version(), request.version());
        if (node.childCount() > 0) {
            throw new PrepareError(ErrorCode.NOT_EMPTY);
        }
        stageDelete(parent, path);
        return new DeleteTxn(path);
    }

    private Txn deleteContainer(String path) {
        String parentPath = parentForDelete(path);
        ChangeRecord node = require(path);
        if (node.childCount() > 0) {
            throw new PrepareError(ErrorCode.NOT_EMPTY);
        }
        if (EphemeralType.of(node.ephemeralOwner()) == EphemeralType.NORMAL) {
            throw new PrepareError(ErrorCode.BAD_VERSION);
        }
        stageDelete(require(parentPath), path);
        return new DeleteTxn(path);
    }

    private Txn setData(SetDataRequest request, List<Id> authInfo) {
        String path = request.path();
        validatePath(path);
        ChangeRecord node = require(path);
        requirePerm(node, ACL.Perms.WRITE, authInfo);
        int newVersion = nextVersion(node.version(), request.version());
        view.stage(node.withVersion(newVersion));
        return new SetDataTxn(path, request.data(), newVersion);
    }

    private Txn setAcl(SetACLRequest request, List<Id> authInfo) {
        String path = request.path();
        validatePath(path);
        List<ACL> acl = fixup.fixup(request.acl(), authInfo);
        if (acl == null) {
            throw new PrepareError(ErrorCode.INVALID_ACL);
        }
        acl = view.internAcl(acl);
        ChangeRecord node = require(path);
        requirePerm(node, ACL.Perms.ADMIN, authInfo);
        int newAversion = nextVersion(node.aversion(), request.version());
        view.stage(node.withAcl(acl, newAversion));
        return new SetAclTxn(path, acl, newAversion);
    }

    private Txn check(CheckVersionRequest request, List<Id> authInfo) {
        String path = request.path();
        validatePath(path);
        ChangeRecord node = require(path);
        requirePerm(node, ACL.Perms.READ, authInfo);
        return new CheckVersionTxn(path, nextVersion(node.version(), request.version()));
    }

    private void stageDelete(ChangeRecord parent, String path) {
        view.stage(parent.withChildRemoved());
        view.stage(ChangeRecord.deleted(path));
    }

    private ChangeRecord require(String path) {
        ChangeRecord c = view.get(path);
        if (c == null) {
            throw new PrepareError(ErrorCode.NO_NODE);
        }
        return c;
    }

    private void requirePerm(ChangeRecord node, int perm, List<Id> authInfo) {
        if (!acls.allowed(node.acl(), perm, authInfo)) {
            throw new PrepareError(ErrorCode.NO_AUTH);
        }
    }

    private static String containerPath(Record request) {
        if (request instanceof DeleteContainerRequest d) {
            return d.path();
        }
        return ((DeleteRequest) request).path();
    }

    /** The parent of a node to delete; the root and the /zookeeper nodes cannot go. */
    private static String parentForDelete(String path) {
        int lastSlash = path.lastIndexOf('/');
        if (lastSlash == -1 || path.indexOf('\0') != -1 || isSpecial(path)) {
            throw new PrepareError(ErrorCode.BAD_ARGUMENTS);
        }
        return lastSlash == 0 ? DataTree.ROOT : path.substring(0, lastSlash);
    }

    private static boolean isSpecial(String path) {
        return path.equals(DataTree.ROOT) || path.equals(DataTree.ZOOKEEPER)
                || path.equals(DataTree.QUOTA) || path.equals(DataTree.CONFIG);
    }

    private static void validatePath(String path) {
        if (!PathValidator.isValid(path)) {
            throw new PrepareError(ErrorCode.BAD_ARGUMENTS);
        }
    }

    /**
     * The version after a change, or BadVersion when the expected one (-1: any) differs.
     * Wrapping from Integer.MAX_VALUE skips -1, which clients read as "any" (ZOOKEEPER-4743).
     */
    static int nextVersion(int current, int expected) {
        if (expected != -1 && expected != current) {
            throw new PrepareError(ErrorCode.BAD_VERSION);
        }
        int next = current + 1;
        return next == -1 ? 0 : next;
    }
}
