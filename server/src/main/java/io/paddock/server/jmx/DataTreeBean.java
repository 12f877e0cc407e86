package io.paddock.server.jmx;

import io.paddock.server.admin.AdminSources;
import java.util.Map;
import java.util.Set;

/** {@link DataTreeMXBean} over the live tree. Thread-safe: reads live counters. */
final class DataTreeBean implements DataTreeMXBean {
    private final AdminSources s;

    DataTreeBean(AdminSources sources) {
        this.s = sources;
    }

    @Override
    public int getNodeCount() {
        return s.view().nodeCount();
    }

    @Override
    public int getWatchCount() {
        return s.view().watchCount();
    }

    @Override
    public int getWatchedPathCount() {
        return s.view().watchedPathCount();
    }

    @Override
    public long getApproximateDataSize() {
        return s.view().approximateDataSize();
    }

    @Override
    public int getEphemeralCount() {
        return s.view().ephemeralsBySession().values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public int getSessionsWithEphemerals() {
        Map<Long, Set<String>> e = s.view().ephemeralsBySession();
        return e.size();
    }

    @Override
    public String getLastZxid() {
        return "0x" + Long.toHexString(s.view().lastZxid());
    }
}
