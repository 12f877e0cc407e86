package io.paddock.server.ensemble;

import io.paddock.protocol.Id;
import io.paddock.protocol.Record;
import java.util.List;

/**
 * What servers of an ensemble tell each other above ZAB, carried in ZAB relays
 * ({@link io.paddock.zab.message.Relay}) and encoded by {@link EnsembleCodec}: ZooKeeper's
 * REQUEST, SYNC and PING-with-touches, and Paddock's session secret hand-over.
 */
sealed interface EnsembleMessage {

    /**
     * A learner's client's write or sync, for the leader (ZooKeeper's REQUEST packet). Numbered
     * within the learner's serving period, so the leader can tell a gap (a message lost across a
     * reconnect) and refuse what follows it rather than apply a session's writes out of order.
     * {@code resend} marks a request the learner sent already in an earlier period: only those
     * are compared with what the leader took before.
     */
    record Forward(long period, long seq, long sessionId, int xid, int opCode, boolean resend,
            List<Id> authInfo, Record request) implements EnsembleMessage {
    }

    /** The leader's answer to a forwarded sync: answer it once {@code zxid} is applied. */
    record SyncDone(long sessionId, int xid, long zxid) implements EnsembleMessage {
    }

    /** The leader could not turn a forwarded write into a txn. */
    record Failed(long sessionId, int xid, int error) implements EnsembleMessage {
    }

    /** The sessions a learner's clients kept alive since its last report (ZooKeeper's PING). */
    record Touches(long[] sessionIds) implements EnsembleMessage {
    }

    /** A client resumed its session on the sending learner (ZooKeeper's REVALIDATE). */
    record SessionHere(long sessionId) implements EnsembleMessage {
    }

    /** A learner that just synced asks its leader for the session secret. */
    record SecretRequest() implements EnsembleMessage {
    }

    /**
     * The leader's session password scheme: its secret, or an empty array for ZooKeeper's
     * scheme (a directory migrated from ZooKeeper).
     */
    record Secret(byte[] secret) implements EnsembleMessage {
    }
}
