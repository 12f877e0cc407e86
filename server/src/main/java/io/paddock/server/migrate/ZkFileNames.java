package io.paddock.server.migrate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ZooKeeper's file names in a {@code version-2} directory: {@code snapshot.<hex zxid>} with an
 * optional {@code .gz} or {@code .snappy}, and {@code log.<hex zxid>} named after the first zxid
 * the segment holds. Anything else (such as a {@code .tmp} left by a crash) is not one of them.
 *
 * <p>Stateless and thread-safe.
 */
final class ZkFileNames {
    static final String VERSION_DIR = "version-2";
    static final String ACCEPTED_EPOCH = "acceptedEpoch";
    static final String CURRENT_EPOCH = "currentEpoch";

    private static final Pattern SNAPSHOT =
            Pattern.compile("snapshot\\.([0-9a-fA-F]{1,16})(\\.gz|\\.snappy)?");
    private static final Pattern LOG = Pattern.compile("log\\.([0-9a-fA-F]{1,16})");

    private ZkFileNames() {
    }

    /** The snapshot's zxid, or -1 if the name is not a snapshot's. */
    static long snapshotZxid(String name) {
        Matcher m = SNAPSHOT.matcher(name);
        return m.matches() ? Long.parseUnsignedLong(m.group(1), 16) : -1;
    }

    static ZkCompression snapshotCompression(String name) {
        if (name.endsWith(ZkCompression.GZIP.extension())) {
            return ZkCompression.GZIP;
        }
        if (name.endsWith(ZkCompression.SNAPPY.extension())) {
            return ZkCompression.SNAPPY;
        }
        return ZkCompression.NONE;
    }

    /** The log segment's first zxid, or -1 if the name is not a log segment's. */
    static long logZxid(String name) {
        Matcher m = LOG.matcher(name);
        return m.matches() ? Long.parseUnsignedLong(m.group(1), 16) : -1;
    }

    static String snapshotName(long zxid, ZkCompression compression) {
        return "snapshot." + Long.toHexString(zxid) + compression.extension();
    }
}
