package io.paddock.server.migrate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * What an import read from a ZooKeeper data directory and what it built. Immutable.
 *
 * @param source the ZooKeeper directories
 * @param snapshot the snapshot loaded, or null when the directory had none (an empty one)
 * @param snapshotZxid its zxid (0 without one)
 * @param skippedSnapshots newer snapshots that failed to verify, with the reason
 * @param logFiles the log segments read
 * @param txnsReplayed txns applied after the snapshot
 * @param firstReplayedZxid the first of them, or -1
 * @param lastZxid the last zxid of the imported state
 * @param tornTails torn tails found, as "file at offset n: reason"
 * @param znodes znodes imported
 * @param sessions open sessions imported
 * @param acceptedEpoch ZooKeeper's acceptedEpoch, if present
 * @param currentEpoch ZooKeeper's currentEpoch, if present
 * @param digestChecks what the tree digest checks found
 * @param orphanEphemeralsDeleted ephemerals of sessions no longer open, deleted as ZooKeeper
 *     deletes them at start-up
 * @param unresolvedAcls znodes left with an ACL the snapshot did not hold (given an empty ACL)
 */
public record ImportReport(String source, Path snapshot, long snapshotZxid,
        List<String> skippedSnapshots, List<Path> logFiles, long txnsReplayed,
        long firstReplayedZxid, long lastZxid, List<String> tornTails, int znodes, int sessions,
        OptionalLong acceptedEpoch, OptionalLong currentEpoch, List<String> digestChecks,
        int orphanEphemeralsDeleted, int unresolvedAcls) {

    /** The report as lines for a log or a terminal. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("ZooKeeper data: " + source);
        out.add("snapshot: " + (snapshot == null ? "none" : snapshot.getFileName()
                + " (zxid 0x" + Long.toHexString(snapshotZxid) + ")"));
        for (String s : skippedSnapshots) {
            out.add("skipped damaged snapshot: " + s);
        }
        out.add("log segments read: " + logFiles.size() + (logFiles.isEmpty() ? ""
                : " (" + logFiles.get(0).getFileName() + " .. "
                + logFiles.get(logFiles.size() - 1).getFileName() + ")"));
        out.add("txns replayed: " + txnsReplayed + (txnsReplayed == 0 ? "" : " (zxid 0x"
                + Long.toHexString(firstReplayedZxid) + " to 0x" + Long.toHexString(lastZxid) + ")"));
        out.add("zxid range: 0x" + Long.toHexString(snapshotZxid) + " to 0x"
                + Long.toHexString(lastZxid));
        out.add("torn tail: " + (tornTails.isEmpty() ? "none" : String.join("; ", tornTails)));
        out.add("znodes: " + znodes + ", open sessions: " + sessions);
        out.add("epochs: accepted " + epoch(acceptedEpoch) + ", current " + epoch(currentEpoch));
        for (String d : digestChecks) {
            out.add("digest: " + d);
        }
        if (orphanEphemeralsDeleted > 0) {
            out.add("ephemerals of closed sessions deleted (as ZooKeeper does at start-up): "
                    + orphanEphemeralsDeleted);
        }
        if (unresolvedAcls > 0) {
            out.add("WARNING: " + unresolvedAcls + " znodes refer to an ACL missing from the"
                    + " snapshot and were given an empty ACL");
        }
        return out;
    }

    private static String epoch(OptionalLong e) {
        return e.isPresent() ? Long.toString(e.getAsLong()) : "absent";
    }
}
