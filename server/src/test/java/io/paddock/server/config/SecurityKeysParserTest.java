package io.paddock.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS, authentication-provider, SASL and enforced-auth keys of zoo.cfg, as ZooKeeper spells them. */
class SecurityKeysParserTest {
    private final ZooCfgParser parser = new ZooCfgParser();

    @Test
    void withoutSecurityKeysThereIsNoSecurePortAndNoExtraScheme() {
        ServerConfig c = parser.parse("zoo.cfg", List.of("clientPort=2181"));
        assertNull(c.security().clientTls());
        assertEquals(Set.of(), c.security().authProviderSchemes());
        assertFalse(c.security().enforceAuth());
    }

    @Test
    void readsAnOperatorsTlsSettings() {
        ServerConfig c = parser.parse("zoo.cfg", List.of(
                "clientPort=2181",
                "secureClientPort=2281",
                "secureClientPortAddress=127.0.0.1",
                "serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory",
                "ssl.keyStore.location=/etc/zk/server.p12",
                "ssl.keyStore.password=ks-secret",
                "ssl.trustStore.location=/etc/zk/trust.jks",
                "ssl.trustStore.password=ts-secret",
                "ssl.trustStore.type=jks",
                "ssl.clientAuth=want",
                "ssl.protocol=TLSv1.2",
                "ssl.enabledProtocols=TLSv1.2,TLSv1.3",
                "ssl.ciphersuites=TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384",
                "ssl.hostnameVerification=false",
                "client.certReload=true"));
        TlsConfig tls = c.security().clientTls();
        assertEquals(2181, c.clientAddress().getPort());
        assertEquals(2281, tls.secureClientAddress().getPort());
        assertEquals("127.0.0.1", tls.secureClientAddress().getAddress().getHostAddress());
        assertEquals(Path.of("/etc/zk/server.p12"), tls.keyStore().location());
        assertEquals("PKCS12", tls.keyStore().resolvedType());
        assertEquals("ks-secret", tls.keyStore().password().reveal());
        assertEquals("JKS", tls.trustStore().resolvedType());
        assertEquals(ClientAuthMode.WANT, tls.clientAuth());
        assertEquals(List.of("TLSv1.2", "TLSv1.3"), tls.protocols());
        assertEquals(List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"), tls.cipherSuites());
        assertTrue(tls.reloadIntervalMs() > 0);
        assertEquals(Set.of("x509"), c.security().authProviderSchemes(),
                "a secure port brings the x509 scheme, as ZooKeeper's configureSSLAuth");
    }

    @Test
    void tlsDefaultsAreZooKeepers() {
        TlsConfig tls = parser.parse("zoo.cfg", List.of("secureClientPort=2281",
                "ssl.keyStore.location=/k.pem")).security().clientTls();
        assertEquals(ClientAuthMode.NEED, tls.clientAuth());
        assertEquals(List.of("TLSv1.3"), tls.protocols());
        assertEquals(List.of(), tls.cipherSuites());
        assertEquals("PEM", tls.keyStore().resolvedType());
        assertNull(tls.trustStore());
        assertEquals("x509", tls.authProviderScheme());
    }

    @Test
    void secureClientPortWithoutClientPortServesOnlyTls() {
        ServerConfig c = parser.parse("zoo.cfg", List.of("secureClientPort=2281",
                "ssl.keyStore.location=/k.p12"));
        assertFalse(c.hasPlainClientPort());
        assertNull(c.clientAddress());
    }

    @Test
    void authProviderLinesSwitchOnPaddocksProviders() {
        ServerConfig c = parser.parse("zoo.cfg", List.of(
                "authProvider.1=org.apache.zookeeper.server.auth.X509AuthenticationProvider",
                "authProvider.sasl=org.apache.zookeeper.server.auth.SASLAuthenticationProvider",
                "authProvider.3=com.example.SomethingElse",
                "X509AuthenticationProvider.superUser=CN=root,O=Example"));
        assertEquals(Set.of("x509", "sasl"), c.security().authProviderSchemes());
        assertEquals("CN=root,O=Example", c.security().x509SuperUser());
    }

    @Test
    void saslAndEnforcedAuthKeys(@TempDir Path dir) throws Exception {
        Path jaas = Files.writeString(dir.resolve("jaas.conf"), "Server { };");
        ServerConfig c = parser.parse("zoo.cfg", List.of(
                "sasl.jaasConfig=" + jaas,
                "superUser=admin",
                "enforce.auth.enabled=true",
                "enforce.auth.schemes=sasl,x509"));
        assertEquals(jaas, c.security().sasl().jaasConfig());
        assertEquals("Server", c.security().sasl().loginContext());
        assertEquals("admin", c.security().sasl().superUser());
        assertTrue(c.security().enforceAuth());
        assertEquals(Set.of("sasl", "x509"), c.security().enforceAuthSchemes());

        SecurityConfig required = parser.parse("zoo.cfg", List.of(
                "sessionRequireClientSASLAuth=true")).security();
        assertTrue(required.enforceAuth());
        assertEquals(Set.of("sasl"), required.enforceAuthSchemes());
    }

    @Test
    void passwordsCanComeFromFiles(@TempDir Path dir) throws Exception {
        Path pw = Files.writeString(dir.resolve("ks.pw"), "from-a-file\n");
        TlsConfig tls = parser.parse("zoo.cfg", List.of("secureClientPort=2281",
                "ssl.keyStore.location=/k.p12", "ssl.keyStore.passwordPath=" + pw))
                .security().clientTls();
        assertEquals("from-a-file", tls.keyStore().password().reveal());
    }

    @Test
    void badValuesNameTheKeyAndNeverShowAPassword() {
        ConfigException auth = assertThrows(ConfigException.class, () -> parser.parse("zoo.cfg",
                List.of("ssl.clientAuth=sometimes")));
        assertTrue(auth.getMessage().contains("line 1") && auth.getMessage().contains("ssl.clientAuth"),
                auth.getMessage());

        ConfigException noPort = assertThrows(ConfigException.class, () -> parser.parse("zoo.cfg",
                List.of("secureClientPortAddress=127.0.0.1")));
        assertTrue(noPort.getMessage().contains("secureClientPort"), noPort.getMessage());

        ConfigException noStore = assertThrows(ConfigException.class, () -> parser.parse("zoo.cfg",
                List.of("secureClientPort=2281", "ssl.keyStore.password=hunter2")));
        assertTrue(noStore.getMessage().contains("ssl.keyStore.location"), noStore.getMessage());
        assertFalse(noStore.getMessage().contains("hunter2"), noStore.getMessage());

        ConfigException enforce = assertThrows(ConfigException.class, () -> parser.parse("zoo.cfg",
                List.of("enforce.auth.enabled=true")));
        assertTrue(enforce.getMessage().contains("enforce.auth.schemes"), enforce.getMessage());
    }

    @Test
    void aSecretPrintsMasked() {
        TlsConfig tls = parser.parse("zoo.cfg", List.of("secureClientPort=2281",
                "ssl.keyStore.location=/k.p12", "ssl.keyStore.password=hunter2")).security().clientTls();
        assertFalse(tls.toString().contains("hunter2"), tls.toString());
    }
}
