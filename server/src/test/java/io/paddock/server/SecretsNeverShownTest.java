package io.paddock.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.paddock.server.auth.JaasClientSections;
import io.paddock.server.config.ConfigException;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.config.ZooCfgParser;
import io.paddock.server.net.tls.TestPki;
import io.paddock.server.net.tls.TlsClients;
import io.paddock.server.testing.FourLetterClient;
import io.paddock.testing.Timing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.security.auth.login.Configuration;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Passwords from the configuration (key and trust store passwords, the quorum ones too, SASL
 * users' passwords, and wrong ones clients or operators type) never reach Paddock's log, at any level, nor the conf
 * and envi four-letter words, through start-up, TLS and SASL logins that work and fail, a store
 * reload that fails, and a start-up refused for a wrong password.
 */
class SecretsNeverShownTest {
    private static final String KEY_STORE_SECRET = "ks-Secret-4711";
    private static final String TRUST_STORE_SECRET = "ts-Secret-4712";
    private static final String SASL_SECRET = "sasl-Secret-4713";
    private static final String WRONG_SASL_SECRET = "wrong-Secret-4714";
    private static final String WRONG_STORE_SECRET = "wrong-Secret-4715";
    private static final String QUORUM_KEY_SECRET = "qks-Secret-4716";
    private static final String QUORUM_TRUST_SECRET = "qts-Secret-4717";
    private static final List<String> SECRETS = List.of(KEY_STORE_SECRET, TRUST_STORE_SECRET,
            SASL_SECRET, WRONG_SASL_SECRET, WRONG_STORE_SECRET, QUORUM_KEY_SECRET,
            QUORUM_TRUST_SECRET);

    @TempDir
    Path dir;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Logger paddockLogger;
    private Level previousLevel;
    private Configuration previousJaas;

    @BeforeEach
    void captureEverythingPaddockLogs() {
        paddockLogger = (Logger) LoggerFactory.getLogger("io.paddock");
        previousLevel = paddockLogger.getLevel();
        paddockLogger.setLevel(Level.ALL);
        log.start();
        paddockLogger.addAppender(log);
        previousJaas = Configuration.getConfiguration();
        Configuration.setConfiguration(new JaasClientSections(Map.of(
                "Bob", List.of("bob", SASL_SECRET), "Wrong", List.of("bob", WRONG_SASL_SECRET))));
    }

    @AfterEach
    void restore() {
        paddockLogger.detachAppender(log);
        paddockLogger.setLevel(previousLevel);
        Configuration.setConfiguration(previousJaas);
    }

    @Test
    void noPasswordIsLoggedOrShown() throws Exception {
        TestPki pki = TestPki.create(dir, "CA");
        Path keyStore = pki.pkcs12(pki.server("server"), "server.p12", KEY_STORE_SECRET);
        Path trustStore = pki.trustStore("PKCS12", "trust.p12", TRUST_STORE_SECRET);
        Path jaas = Files.writeString(dir.resolve("jaas.conf"),
                "Server {\n  org.apache.zookeeper.server.auth.DigestLoginModule required\n"
                        + "  user_bob=\"" + SASL_SECRET + "\";\n};\n");
        List<String> cfg = new ArrayList<>(List.of("dataDir=" + dir.resolve("data"),
                "clientPortAddress=127.0.0.1", "clientPort=0",
                "secureClientPortAddress=127.0.0.1", "secureClientPort=0",
                "ssl.keyStore.location=" + keyStore, "ssl.keyStore.password=" + KEY_STORE_SECRET,
                "ssl.trustStore.location=" + trustStore, "ssl.trustStore.password=" + TRUST_STORE_SECRET,
                "ssl.clientAuth=want", "ssl.reloadIntervalMs=20",
                "sasl.jaasConfig=" + jaas,
                "authProvider.1=org.apache.zookeeper.server.auth.SASLAuthenticationProvider",
                "4lw.commands.whitelist=*", "jmx.enabled=false",
                "sslQuorum=true", "ssl.quorum.keyStore.location=" + keyStore,
                "ssl.quorum.keyStore.password=" + QUORUM_KEY_SECRET,
                "ssl.quorum.trustStore.location=" + trustStore,
                "ssl.quorum.trustStore.password=" + QUORUM_TRUST_SECRET));
        ServerConfig config = new ZooCfgParser().parse("zoo.cfg", cfg);
        String printed = config.toString();

        try (PaddockServer server = new PaddockServer(config).start()) {
            login(server, "Bob", KeeperState.SaslAuthenticated);
            login(server, "Wrong", KeeperState.AuthFailed);
            ZooKeeper tls = TlsClients.connect("127.0.0.1:" + server.secureAddress().getPort(),
                    tlsClientConfig(trustStore));
            tls.close();
            Files.writeString(keyStore, "not a key store any more");
            Timing.await(Duration.ofSeconds(10)).until(() -> log.list.stream().anyMatch(
                    e -> e.getFormattedMessage().contains("do not load")));
            String conf = FourLetterClient.ask(server.address().getPort(), "conf");
            String envi = FourLetterClient.ask(server.address().getPort(), "envi");
            assertTrue(conf.contains("secureClientPort="), conf);
            assertNoSecret("conf", conf);
            assertNoSecret("envi", envi);
        }

        cfg.set(cfg.indexOf("ssl.keyStore.password=" + KEY_STORE_SECRET),
                "ssl.keyStore.password=" + WRONG_STORE_SECRET);
        pki.pkcs12(pki.server("server"), "server.p12", KEY_STORE_SECRET);
        ConfigException refused = assertThrows(ConfigException.class,
                () -> new PaddockServer(new ZooCfgParser().parse("zoo.cfg", cfg)).start().close());

        assertNoSecret("ServerConfig.toString()", printed);
        assertNoSecret("the start-up error", refused.getMessage());
        assertFalse(log.list.isEmpty());
        for (ILoggingEvent e : log.list) {
            assertNoSecret("the log line '" + e.getFormattedMessage() + "'", render(e));
        }
    }

    private static void login(PaddockServer server, String section, KeeperState expected)
            throws Exception {
        ZKClientConfig c = new ZKClientConfig();
        c.setProperty(ZKClientConfig.LOGIN_CONTEXT_NAME_KEY, section);
        c.setProperty("zookeeper.fips-mode", "false");
        List<KeeperState> states = new java.util.concurrent.CopyOnWriteArrayList<>();
        ZooKeeper zk = new ZooKeeper("127.0.0.1:" + server.address().getPort(), 10_000,
                e -> states.add(e.getState()), c);
        try {
            Timing.await(Duration.ofSeconds(10)).until(() -> states.contains(expected));
        } finally {
            zk.close();
        }
    }

    private static ZKClientConfig tlsClientConfig(Path trustStore) {
        ZKClientConfig c = new ZKClientConfig();
        c.setProperty(ZKClientConfig.SECURE_CLIENT, "true");
        c.setProperty(ZKClientConfig.ZOOKEEPER_CLIENT_CNXN_SOCKET, "org.apache.zookeeper.ClientCnxnSocketNetty");
        c.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
        c.setProperty("zookeeper.ssl.trustStore.location", trustStore.toString());
        c.setProperty("zookeeper.ssl.trustStore.password", TRUST_STORE_SECRET);
        c.setProperty("zookeeper.ssl.trustStore.type", "PKCS12");
        return c;
    }

    private static String render(ILoggingEvent e) {
        StringBuilder b = new StringBuilder(e.getFormattedMessage());
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            b.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return b.toString();
    }

    private static void assertNoSecret(String where, String text) {
        for (String secret : SECRETS) {
            assertFalse(text.contains(secret), where + " shows a password");
        }
    }
}
