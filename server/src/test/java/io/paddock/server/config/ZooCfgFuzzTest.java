package io.paddock.server.config;

import io.paddock.testing.FuzzInputs;
import io.paddock.testing.FuzzWorker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Fuzzes the zoo.cfg parser: arbitrary text, and an operator's config with values swapped for
 * the values that break number and list parsing, lines dropped or repeated and bytes flipped.
 * It answers with a {@link ServerConfig} or a {@link ConfigException}, never another exception,
 * and never hangs.
 */
class ZooCfgFuzzTest {
    /** A data directory holding myid 1, which an ensemble's config is checked against. */
    private static final java.nio.file.Path DATA_DIR = dataDirWithMyid();
    /** A config that sets most keys, with addresses that need no name lookup. */
    private static final List<String> VALID = List.of(
            "tickTime=2000", "initLimit=10", "syncLimit=5", "dataDir=" + DATA_DIR,
            "dataLogDir=/tmp/zk/log", "clientPort=2181", "clientPortAddress=127.0.0.1",
            "maxClientCnxns=60", "minSessionTimeout=4000", "maxSessionTimeout=40000",
            "globalOutstandingLimit=1000", "jute.maxbuffer=1048575",
            "snapCount=100000", "preAllocSize=65536", "autopurge.snapRetainCount=3",
            "autopurge.purgeInterval=1", "4lw.commands.whitelist=ruok, mntr,srvr",
            "admin.enableServer=false", "admin.serverPort=8080", "metricsProvider.className="
                    + "org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider",
            "extendedTypesEnabled=true", "snapshot.compression.method=lz4",
            "server.1=127.0.0.1:2888:3888", "server.2=127.0.0.1:2889:3889;2182",
            "server.3=127.0.0.1:2890:3890:observer", "standaloneEnabled=false",
            "reconfigEnabled=true", "ssl.clientAuth=want",
            "authProvider.1=org.apache.zookeeper.server.auth.SASLAuthenticationProvider",
            "sessionRequireClientSASLAuth=false", "syncEnabled=true", "forceSync=no",
            "fsync.warningthresholdms=1000", "electionAlg=3", "quorumListenOnAllIPs=false");
    private static final List<String> VALUES = List.of("", " ", "-1", "0", "1",
            "2147483647", "2147483648", "-2147483649", "99999999999999999999", "0x10", "1e3",
            "abc", "true", "no", "=", "==", ":", "::::", ";", ";;", "127.0.0.1:1:2:3:4:5",
            "127.0.0.1:-1:70000", "[::1]:2888:3888", "[::1", "a,b,,c", ",", "\\", "\\u0000",
            "\u0000", "\uffff", "${x}", "%s", "/", "\t", "x".repeat(300));

    private static java.nio.file.Path dataDirWithMyid() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("zoocfg-fuzz");
            java.nio.file.Files.writeString(dir.resolve("myid"), "1");
            dir.toFile().deleteOnExit();
            dir.resolve("myid").toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final FuzzWorker worker = new FuzzWorker();
    private final ZooCfgParser parser = new ZooCfgParser(new Properties());

    @AfterProperty
    void report() {
        worker.report();
        worker.close();
    }

    @Property
    void arbitraryText(@ForAll("anyText") String text) {
        check("zoo.cfg, arbitrary text", text);
    }

    @Property
    void mutatedBytes(@ForAll("mutatedBytes") byte[] bytes) {
        check("zoo.cfg, mutated bytes", new String(bytes, StandardCharsets.UTF_8));
    }

    @Property
    void mutatedValues(@ForAll("mutatedLines") List<String> lines) {
        check("zoo.cfg, mutated values and lines", String.join("\n", lines));
    }

    @Example
    void theValidSeedParses() {
        parser.parse("zoo.cfg", String.join("\n", VALID));
    }

    /** Found by this test: "server.1=;" threw ArrayIndexOutOfBoundsException. */
    @Example
    void aServerLineOfOnlySemicolonsIsAConfigError() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> parser.parse("zoo.cfg", "server.1=;"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("server.1"),
                e.getMessage());
    }

    private void check(String property, String text) {
        FuzzWorker.Outcome o = worker.run(property, () -> parser.parse("zoo.cfg", text));
        if (o.thrown() != null && !(o.thrown() instanceof ConfigException)) {
            throw new AssertionError(property + ": " + o.thrown() + " on\n" + text, o.thrown());
        }
    }

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> line = Combinators.combine(
                Arbitraries.of(VALID).map(l -> l.substring(0, l.indexOf('='))),
                Arbitraries.oneOf(Arbitraries.of(VALUES), Arbitraries.strings().ofMaxLength(20)))
                .as((k, v) -> k + "=" + v);
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
                line.list().ofMaxSize(12).map(l -> String.join("\n", l)));
    }

    @Provide
    Arbitrary<byte[]> mutatedBytes() {
        return FuzzInputs.mutated(String.join("\n", VALID).getBytes(StandardCharsets.UTF_8), 6);
    }

    @Provide
    Arbitrary<List<String>> mutatedLines() {
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, VALID.size() - 1),
                Arbitraries.integers().between(0, VALUES.size() - 1))
                .as((kind, line, value) -> new int[] {kind, line, value});
        return edit.list().ofMinSize(1).ofMaxSize(5).map(ZooCfgFuzzTest::applyEdits);
    }

    private static List<String> applyEdits(List<int[]> edits) {
        List<String> lines = new ArrayList<>(VALID);
        for (int[] e : edits) {
            int at = e[1] % lines.size();
            String l = lines.get(at);
            int eq = Math.max(0, l.indexOf('='));
            switch (e[0]) {
                case 0 -> lines.set(at, l.substring(0, eq) + "=" + VALUES.get(e[2]));
                case 1 -> lines.remove(at);
                case 2 -> lines.add(at, l.substring(0, eq) + "=" + VALUES.get(e[2]));
                default -> lines.set(at, VALUES.get(e[2]) + l.substring(eq));
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        return lines;
    }
}
