package io.paddock.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sslQuorum and the ssl.quorum.* keys of zoo.cfg, as ZooKeeper's QuorumX509Util names them. */
class QuorumTlsKeysTest {
    private final ZooCfgParser parser = new ZooCfgParser();

    @TempDir
    Path dir;

    @Test
    void readsAnOperatorsQuorumTlsSettings() throws Exception {
        Path password = Files.writeString(dir.resolve("trust.pass"), "ts-quorum\n");
        QuorumTlsConfig q = parse(
                "sslQuorum=true",
                "ssl.quorum.keyStore.location=/etc/zk/quorum.p12",
                "ssl.quorum.keyStore.password=ks-quorum",
                "ssl.quorum.trustStore.location=/etc/zk/quorum-trust.jks",
                "ssl.quorum.trustStore.passwordPath=" + password,
                "ssl.quorum.trustStore.type=jks",
                "ssl.quorum.protocol=TLSv1.2",
                "ssl.quorum.enabledProtocols=TLSv1.2, TLSv1.3",
                "ssl.quorum.ciphersuites=TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384",
                "ssl.quorum.hostnameVerification=false").security().quorumTls();
        assertEquals(Path.of("/etc/zk/quorum.p12"), q.keyStore().location());
        assertEquals("PKCS12", q.keyStore().resolvedType());
        assertEquals("ks-quorum", q.keyStore().password().reveal());
        assertEquals("JKS", q.trustStore().resolvedType());
        assertEquals("ts-quorum", q.trustStore().password().reveal());
        assertEquals(List.of("TLSv1.2", "TLSv1.3"), q.protocols());
        assertEquals(List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"), q.cipherSuites());
        assertFalse(q.hostnameVerification());
        assertFalse(q.toString().contains("ks-quorum"), q.toString());
        assertFalse(q.toString().contains("ts-quorum"), q.toString());
    }

    @Test
    void defaultsAreZooKeepers() {
        QuorumTlsConfig q = parse("sslQuorum=true", "ssl.quorum.keyStore.location=/k.pem")
                .security().quorumTls();
        assertEquals("PEM", q.keyStore().resolvedType());
        assertNull(q.trustStore(), "the JDK's CAs");
        assertEquals(List.of("TLSv1.3"), q.protocols());
        assertTrue(q.hostnameVerification());
        assertNull(parser.parse("zoo.cfg", List.of("clientPort=2181")).security().quorumTls());
    }

    @Test
    void theQuorumKeysDoNothingUnlessSslQuorumIsTrue() {
        assertNull(parse("ssl.quorum.keyStore.location=/k.p12").security().quorumTls());
        assertNull(parse("sslQuorum=false", "ssl.quorum.keyStore.location=/k.p12")
                .security().quorumTls());
        assertNull(parse("sslQuorum=false").security().quorumTls(), "no key store needed");
    }

    @Test
    void sslQuorumWithoutAKeyStoreIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("sslQuorum=true",
                "ssl.quorum.trustStore.location=/t.p12"));
        assertTrue(e.getMessage().contains("ssl.quorum.keyStore.location"), e.getMessage());
        assertTrue(e.getMessage().startsWith("zoo.cfg"), e.getMessage());
    }

    @Test
    void badValuesNameTheirKey() {
        assertRefused("sslQuorum", "sslQuorum=perhaps");
        assertRefused("ssl.quorum.hostnameVerification", "sslQuorum=true",
                "ssl.quorum.keyStore.location=/k.p12", "ssl.quorum.hostnameVerification=sometimes");
        assertRefused("ssl.quorum.keyStore.type", "sslQuorum=true",
                "ssl.quorum.keyStore.location=/k.p12", "ssl.quorum.keyStore.type=PGP");
        assertRefused("ssl.quorum.trustStore.location", "sslQuorum=true",
                "ssl.quorum.keyStore.location=/k.p12", "ssl.quorum.trustStore.location=/trust.bin");
        assertRefused("ssl.quorum.keyStore.passwordPath", "sslQuorum=true",
                "ssl.quorum.keyStore.location=/k.p12",
                "ssl.quorum.keyStore.passwordPath=" + dir.resolve("missing"));
    }

    @Test
    void aBadPasswordLineNeverShowsThePassword() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("sslQuorum=true",
                "ssl.quorum.keyStore.location=/k.p12", "ssl.quorum.keyStore.password="));
        assertTrue(e.getMessage().contains("ssl.quorum.keyStore.password"), e.getMessage());
    }

    @Test
    void readsClientAuthReloadRevocationAndPortUnification() {
        QuorumTlsConfig q = parse("sslQuorum=true", "ssl.quorum.keyStore.location=/k.p12",
                "ssl.quorum.crl=true", "ssl.quorum.ocsp=true", "ssl.quorum.clientAuth=want",
                "sslQuorumReloadCertFiles=true", "portUnification=true", "ssl.reloadIntervalMs=700",
                "ssl.quorum.clientHostnameVerification=false")
                .security().quorumTls();
        assertFalse(q.clientHostnameVerification());
        assertEquals(Path.of("/k.p12"), q.keyStore().location());
        assertTrue(q.sslQuorum());
        assertEquals(ClientAuthMode.WANT, q.clientAuth());
        assertTrue(q.crl());
        assertTrue(q.ocsp());
        assertTrue(q.reloadCertFiles());
        assertEquals(700, q.reloadIntervalMs());
        assertTrue(q.portUnification());
        QuorumTlsConfig d = parse("sslQuorum=true", "ssl.quorum.keyStore.location=/k.p12")
                .security().quorumTls();
        assertEquals(ClientAuthMode.NEED, d.clientAuth(), "ZooKeeper's default");
        assertFalse(d.crl() || d.ocsp() || d.reloadCertFiles() || d.portUnification());
        assertTrue(d.clientHostnameVerification(), "ZooKeeper's default for the quorum");
    }

    @Test
    void portUnificationAloneAcceptsTlsButDialsPlaintext() {
        QuorumTlsConfig q = parse("portUnification=true", "ssl.quorum.keyStore.location=/k.p12")
                .security().quorumTls();
        assertFalse(q.sslQuorum());
        assertTrue(q.portUnification());
        assertRefused("portUnification", "portUnification=true");
        assertRefused("ssl.quorum.clientAuth", "sslQuorum=true", "ssl.quorum.keyStore.location=/k.p12",
                "ssl.quorum.clientAuth=sometimes");
    }

    private ServerConfig parse(String... lines) {
        List<String> all = new ArrayList<>(List.of("clientPort=2181"));
        all.addAll(List.of(lines));
        return parser.parse("zoo.cfg", all);
    }

    private void assertRefused(String key, String... lines) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(lines), key);
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }
}
