package io.paddock.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The classpath of each server child, as the Maven build wrote it (maven-dependency-plugin
 * build-classpath). The two are kept apart so neither server sees the other's jars.
 */
public final class ChildClasspaths {
    private final Properties build;

    private ChildClasspaths(Properties build) {
        this.build = build;
    }

    /** Reads {@code bench-build.properties}, which resource filtering filled in at build time. */
    public static ChildClasspaths fromBuild() {
        Properties p = new Properties();
        try (InputStream in = ChildClasspaths.class.getResourceAsStream("bench-build.properties")) {
            if (in == null) {
                throw new IllegalStateException("bench-build.properties missing: build the "
                        + "benchmarks module with Maven first");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ChildClasspaths(p);
    }

    /** The classpath string for a server's child JVM. */
    public String classpath(ServerKind kind) {
        Path file = Path.of(build.getProperty(kind.classpathKey()));
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + "; run the Maven build of "
                    + "the benchmarks module first", e);
        }
    }

    /** Where reports go unless told otherwise: the benchmarks module's target/bench-report. */
    public Path defaultReportDir() {
        return Path.of(build.getProperty("report.dir"));
    }

    /** The Apache ZooKeeper version the build resolved. */
    public String zookeeperVersion() {
        return build.getProperty("zookeeper.version");
    }

    /** This build's version. */
    public String paddockVersion() {
        return build.getProperty("paddock.version");
    }
}
