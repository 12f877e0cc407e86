package io.paddock.bench.load;

import java.nio.file.Path;
import java.util.List;

/** The two servers under test, each started as a child JVM from its own classpath. */
public enum ServerKind {
    PADDOCK("Paddock", "io.paddock.server.Main", "io.paddock.server.Main", "classpath.paddock"),
    ZOOKEEPER("ZooKeeper", "org.apache.zookeeper.server.ZooKeeperServerMain",
            "org.apache.zookeeper.server.quorum.QuorumPeerMain", "classpath.zookeeper");

    private final String label;
    private final String mainClass;
    private final String ensembleMainClass;
    private final String classpathKey;

    ServerKind(String label, String mainClass, String ensembleMainClass, String classpathKey) {
        this.label = label;
        this.mainClass = mainClass;
        this.ensembleMainClass = ensembleMainClass;
        this.classpathKey = classpathKey;
    }

    /** The name shown in tables and charts. */
    public String label() {
        return label;
    }

    String mainClass() {
        return mainClass;
    }

    /** The main class of an ensemble member: ZooKeeper's standalone main refuses server lines. */
    String ensembleMainClass() {
        return ensembleMainClass;
    }

    String classpathKey() {
        return classpathKey;
    }

    /** Program arguments after the main class: both servers read the same zoo.cfg. */
    List<String> programArgs(Path zooCfg) {
        return List.of(zooCfg.toString());
    }
}
