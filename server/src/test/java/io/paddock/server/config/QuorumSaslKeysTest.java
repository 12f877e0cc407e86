package io.paddock.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The quorum.auth.* keys of zoo.cfg as ZooKeeper's QuorumPeerConfig reads them, with the JAAS
 * file from the JVM's java.security.auth.login.config; the combinations ZooKeeper refuses stop
 * start-up naming the key.
 */
class QuorumSaslKeysTest {

    @Test
    void readsTheKeysAndTakesTheJaasFileFromTheJvm() {
        QuorumSaslConfig q = parse(jvm("/etc/zk/jaas.conf"), "quorum.auth.enableSasl=true",
                "quorum.auth.learnerRequireSasl=true", "quorum.auth.serverRequireSasl=true",
                "quorum.auth.learner.saslLoginContext=MyLearner",
                "quorum.auth.server.saslLoginContext=MyServer",
                "quorum.auth.kerberos.servicePrincipal=zkquorum/_HOST")
                .security().quorumSasl();
        assertTrue(q.learnerRequireSasl());
        assertTrue(q.serverRequireSasl());
        assertEquals("MyLearner", q.learnerLoginContext());
        assertEquals("MyServer", q.serverLoginContext());
        assertEquals("zkquorum/_HOST", q.servicePrincipal());
        assertEquals(Path.of("/etc/zk/jaas.conf"), q.jaasConfig());
    }

    @Test
    void zooKeepersDefaults() {
        QuorumSaslConfig q = parse(jvm("/j.conf"), "quorum.auth.enableSasl=true")
                .security().quorumSasl();
        assertFalse(q.learnerRequireSasl());
        assertFalse(q.serverRequireSasl());
        assertEquals("QuorumLearner", q.learnerLoginContext());
        assertEquals("QuorumServer", q.serverLoginContext());
        assertEquals("zkquorum/localhost", q.servicePrincipal());
        assertNull(parse(jvm("/j.conf")).security().quorumSasl(), "off unless enabled");
        assertNull(parse(jvm("/j.conf"), "quorum.auth.enableSasl=false").security().quorumSasl());
    }

    @Test
    void paddocksSaslJaasConfigServesWhenTheJvmNamesNoFile() {
        QuorumSaslConfig q = parse(new Properties(), "sasl.jaasConfig=/paddock/jaas.conf",
                "quorum.auth.enableSasl=true").security().quorumSasl();
        assertEquals(Path.of("/paddock/jaas.conf"), q.jaasConfig());
    }

    @Test
    void requireWithoutEnableIsRefusedNamingTheKey() {
        assertRefused("quorum.auth.serverRequireSasl", "quorum.auth.serverRequireSasl=true",
                "quorum.auth.learnerRequireSasl=true");
        assertRefused("quorum.auth.learnerRequireSasl", "quorum.auth.learnerRequireSasl=true");
        assertRefused("quorum.auth.learnerRequireSasl", "quorum.auth.enableSasl=true",
                "quorum.auth.serverRequireSasl=true");
    }

    @Test
    void enableWithoutAJaasFileIsRefusedNamingTheProperty() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse(new Properties(), "quorum.auth.enableSasl=true"));
        assertTrue(e.getMessage().contains("java.security.auth.login.config"), e.getMessage());
        assertTrue(e.getMessage().contains("quorum.auth.enableSasl"), e.getMessage());
    }

    @Test
    void aMalformedBooleanNamesTheKey() {
        assertRefused("quorum.auth.enableSasl", "quorum.auth.enableSasl=perhaps");
    }

    private static Properties jvm(String jaas) {
        Properties p = new Properties();
        p.setProperty("java.security.auth.login.config", jaas);
        return p;
    }

    private static ServerConfig parse(Properties system, String... lines) {
        List<String> all = new ArrayList<>(List.of("clientPort=2181"));
        all.addAll(List.of(lines));
        return new ZooCfgParser(system).parse("zoo.cfg", all);
    }

    private static void assertRefused(String key, String... lines) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(jvm("/j.conf"), lines),
                key);
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }
}
