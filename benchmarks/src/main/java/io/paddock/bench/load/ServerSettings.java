package io.paddock.bench.load;

/**
 * What both servers under test share, so the comparison is like for like.
 *
 * @param tickTimeMs zoo.cfg tickTime
 * @param heapMb the child JVM heap, set as both -Xms and -Xmx
 */
public record ServerSettings(int tickTimeMs, int heapMb) {

    /** The contents of the zoo.cfg both servers read; only port and data directory differ. */
    String zooCfg(int port, java.nio.file.Path dataDir) {
        return String.join("\n",
                "# Written by the Paddock side-by-side benchmark; the same keys for both servers.",
                "tickTime=" + tickTimeMs,
                "dataDir=" + dataDir,
                "clientPort=" + port,
                "clientPortAddress=127.0.0.1",
                "maxClientCnxns=0",
                // ZooKeeper's default, stated so nobody wonders: every write batch is fsynced.
                "forceSync=yes",
                "4lw.commands.whitelist=srvr",
                "admin.enableServer=false",
                // Paddock serves Prometheus on port 7000 unless told not to; ZooKeeper ignores it.
                "prometheus.enabled=false",
                "");
    }

    /**
     * An ensemble member's zoo.cfg: the same keys as {@link #zooCfg}, plus ZooKeeper's sample
     * initLimit and syncLimit and the ensemble's {@code server.N} lines (the same for every member).
     */
    String memberCfg(int port, java.nio.file.Path dataDir, java.util.List<String> serverLines) {
        return zooCfg(port, dataDir) + String.join("\n", "initLimit=10", "syncLimit=5",
                String.join("\n", serverLines), "");
    }

    /** Logging at INFO to a file, as ZooKeeper's release configures it; DEBUG to console is ~3x slower. */
    static String logbackXml(java.nio.file.Path logFile) {
        return String.join("\n",
                "<configuration>",
                "  <appender name=\"FILE\" class=\"ch.qos.logback.core.FileAppender\">",
                "    <file>" + logFile + "</file>",
                "    <encoder><pattern>%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n"
                        + "</pattern></encoder>",
                "  </appender>",
                "  <logger name=\"io.netty\" level=\"WARN\"/>",
                "  <root level=\"INFO\"><appender-ref ref=\"FILE\"/></root>",
                "</configuration>",
                "");
    }
}
