package io.paddock.zab.sim;

import io.paddock.zab.Proposal;
import io.paddock.zab.RoleChange;
import io.paddock.zab.Zxids;
import io.paddock.zab.message.Ack;
import io.paddock.zab.message.AckEpoch;
import io.paddock.zab.message.AckLd;
import io.paddock.zab.message.CEpoch;
import io.paddock.zab.message.Commit;
import io.paddock.zab.message.CommitLd;
import io.paddock.zab.message.Diff;
import io.paddock.zab.message.Inform;
import io.paddock.zab.message.NewEpoch;
import io.paddock.zab.message.NewLeader;
import io.paddock.zab.message.Notification;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Ping;
import io.paddock.zab.message.Propose;
import io.paddock.zab.message.Snap;
import io.paddock.zab.message.Trunc;
import java.util.List;

/** Compact text for traces: a message kind in Zab.tla's words, its route, its zxids in hex. */
final class Fmt {

    private Fmt() {
    }

    static String z(long zxid) {
        return Zxids.epoch(zxid) + "." + Zxids.counter(zxid);
    }

    /** The message kind as Zab.tla and ZooKeeper name it. */
    static String kind(PeerMessage m) {
        if (m instanceof Notification) {
            return "NOTIFICATION";
        } else if (m instanceof CEpoch) {
            return "CEPOCH";
        } else if (m instanceof NewEpoch) {
            return "NEWEPOCH";
        } else if (m instanceof AckEpoch) {
            return "ACKEPOCH";
        } else if (m instanceof Diff) {
            return "DIFF";
        } else if (m instanceof Trunc) {
            return "TRUNC";
        } else if (m instanceof Snap) {
            return "SNAP";
        } else if (m instanceof NewLeader) {
            return "NEWLEADER";
        } else if (m instanceof AckLd) {
            return "ACKLD";
        } else if (m instanceof CommitLd) {
            return "COMMITLD";
        } else if (m instanceof Propose) {
            return "PROPOSE";
        } else if (m instanceof Ack) {
            return "ACK";
        } else if (m instanceof Commit) {
            return "COMMIT";
        } else if (m instanceof Inform) {
            return "INFORM";
        }
        return "PING";
    }

    static String message(PeerMessage m) {
        return kind(m) + " " + m.from() + "->" + m.to() + " " + body(m);
    }

    private static String body(PeerMessage m) {
        if (m instanceof Notification n) {
            return "vote=" + n.vote().leader() + "@" + n.vote().epoch() + "/" + z(n.vote().zxid())
                    + " round=" + n.round() + " " + n.state();
        } else if (m instanceof CEpoch c) {
            return "accepted=" + c.acceptedEpoch() + " last=" + z(c.lastZxid()) + (c.observer() ? " observer" : "");
        } else if (m instanceof NewEpoch n) {
            return "epoch=" + n.epoch();
        } else if (m instanceof AckEpoch a) {
            return "epoch=" + a.epoch() + " current=" + a.currentEpoch() + " last=" + z(a.lastZxid());
        } else if (m instanceof Diff d) {
            return "to " + z(d.lastZxid());
        } else if (m instanceof Trunc t) {
            return "after " + z(t.zxid());
        } else if (m instanceof Snap s) {
            return "at " + z(s.zxid());
        } else if (m instanceof NewLeader n) {
            return "epoch=" + n.epoch() + " zxid=" + z(n.zxid());
        } else if (m instanceof AckLd a) {
            return "epoch=" + a.epoch();
        } else if (m instanceof CommitLd c) {
            return "committed=" + z(c.committedZxid());
        } else if (m instanceof Propose p) {
            return z(p.proposal().zxid());
        } else if (m instanceof Ack a) {
            return z(a.zxid());
        } else if (m instanceof Commit c) {
            return z(c.zxid());
        } else if (m instanceof Inform i) {
            return z(i.proposal().zxid());
        }
        return "";
    }

    static String role(RoleChange rc) {
        return rc.role() + "/" + rc.phase() + " epoch=" + rc.epoch() + " leader=" + rc.leader();
    }

    static String range(List<Proposal> txns) {
        if (txns.isEmpty()) {
            return "none";
        }
        long first = txns.get(0).zxid();
        long last = txns.get(txns.size() - 1).zxid();
        return txns.size() == 1 ? z(first) : z(first) + ".." + z(last) + " (" + txns.size() + ")";
    }
}
