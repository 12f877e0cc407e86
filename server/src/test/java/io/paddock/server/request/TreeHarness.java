package io.paddock.server.request;

import io.paddock.protocol.ACL;
import io.paddock.protocol.CreateRequest;
import io.paddock.protocol.Id;
import io.paddock.protocol.Record;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.acl.AuthRegistry;
import io.paddock.server.tree.ApplyResult;
import io.paddock.server.tree.DataTree;
import io.paddock.server.watch.Notification;
import io.paddock.server.watch.WatchManager;
import io.paddock.server.watch.Watcher;
import java.util.ArrayList;
import java.util.List;

/** A preparer, a tree and a read processor wired as the pipeline wires them, in one thread. */
final class TreeHarness {
    final WatchManager watches = new WatchManager();
    final DataTree tree = new DataTree(watches);
    final AuthRegistry auth;
    final RequestPreparer preparer;
    final ReadRequestProcessor reads;
    final List<Notification> fired = new ArrayList<>();
    long zxid;
    long now = 1_000_000L;

    TreeHarness() {
        this(new PrepareSettings(true), new AuthRegistry());
    }

    TreeHarness(PrepareSettings settings, AuthRegistry auth) {
        this.auth = auth;
        this.preparer = new RequestPreparer(tree, settings, auth);
        this.reads = new ReadRequestProcessor(tree, auth);
    }

    /** The outcome of a write: the preparer's error, or what applying its txn returned. */
    record Outcome(ErrorCode error, Record response, Prepared prepared) {
    }

    Prepared prepare(long session, int op, Record request, List<Id> authInfo) {
        now += 10;
        return preparer.prepare(session, 1, op, request, authInfo, () -> ++zxid, now);
    }

    Outcome apply(Prepared p) {
        ApplyResult r = tree.apply(p.header(), p.txn());
        preparer.applied(p.header().zxid());
        fired.addAll(r.notifications());
        return new Outcome(r.error(), r.response(), p);
    }

    Outcome write(long session, int op, Record request, List<Id> authInfo) {
        return apply(prepare(session, op, request, authInfo));
    }

    Outcome write(long session, int op, Record request) {
        return write(session, op, request, List.of());
    }

    Outcome create(String path, int flags) {
        return write(1, OpCode.CREATE2, new CreateRequest(path, new byte[0],
                ACL.OPEN_ACL_UNSAFE, flags));
    }

    ReadResult read(long session, int op, Record request, List<Id> authInfo, Watcher watcher) {
        ReadResult r = reads.process(session, op, request, authInfo, watcher);
        fired.addAll(r.notifications());
        return r;
    }

    ReadResult read(int op, Record request) {
        return read(1, op, request, List.of(), null);
    }
}
