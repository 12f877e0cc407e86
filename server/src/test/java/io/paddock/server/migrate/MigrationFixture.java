package io.paddock.server.migrate;

import io.paddock.server.PaddockServer;
import io.paddock.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Copying data directories, fingerprinting them, and starting Paddock on them. */
final class MigrationFixture {
    private MigrationFixture() {
    }

    static PaddockServer startPaddock(Path dataDir, Path dataLogDir, int port)
            throws InterruptedException {
        ServerConfig config = ServerConfig.builder()
                .dataDir(dataDir)
                .dataLogDir(dataLogDir)
                .clientAddress(new InetSocketAddress("127.0.0.1", port))
                .extendedTypesEnabled(true)
                .maxSessionTimeout(120_000)
                .metricsJmxEnabled(false)
                .build();
        return new PaddockServer(config).start();
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file under the directory with a SHA-256 of its bytes and its mtime. */
    static Map<String, String> fingerprint(Path dir) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                byte[] sha = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(sha) + " "
                        + Files.getLastModifiedTime(p).toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
