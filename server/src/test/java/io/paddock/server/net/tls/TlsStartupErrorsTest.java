package io.paddock.server.net.tls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.config.ConfigException;
import io.paddock.server.config.SecurityConfig;
import io.paddock.server.config.Secret;
import io.paddock.server.testing.PaddockTestingServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secure port whose stores cannot be opened stops start-up, naming the key at fault. */
class TlsStartupErrorsTest {
    @TempDir
    Path dir;
    private Path keyStore;
    private Path trustStore;

    @BeforeEach
    void makeStores() throws Exception {
        TestPki pki = TestPki.create(dir, "CA");
        keyStore = pki.pkcs12(pki.server("server"), "server.p12", "right-pw");
        trustStore = pki.trustStore("PKCS12", "trust.p12", "trust-pw");
    }

    private static SecurityConfig.Builder secure() {
        return SecurityConfig.builder().securePort(0).secureAddress("127.0.0.1");
    }

    private static String startupError(SecurityConfig security) {
        return assertThrows(ConfigException.class,
                () -> PaddockTestingServer.builder().security(security).start().close()).getMessage();
    }

    @Test
    void aMissingKeyStoreFileIsNamed() {
        String message = startupError(secure()
                .keyStore(dir.resolve("nope.p12"), Secret.of("right-pw"), null).build());
        assertTrue(message.contains("ssl.keyStore.location"), message);
        assertTrue(message.contains("nope.p12"), message);
    }

    @Test
    void aWrongKeyStorePasswordIsNamedButNotShown() {
        String message = startupError(secure()
                .keyStore(keyStore, Secret.of("wrong-pw-123"), null).build());
        assertTrue(message.contains("ssl.keyStore.password"), message);
        assertFalse(message.contains("wrong-pw-123"), message);
    }

    @Test
    void aWrongTrustStorePasswordIsNamed() {
        String message = startupError(secure()
                .keyStore(keyStore, Secret.of("right-pw"), null)
                .trustStore(trustStore, Secret.of("nope"), null).build());
        assertTrue(message.contains("ssl.trustStore.password"), message);
    }

    @Test
    void aStoreOfAnUnknownTypeIsNamed() throws Exception {
        Path odd = Files.copy(keyStore, dir.resolve("server.bin"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> secure().keyStore(odd, Secret.of("right-pw"), null).build());
        assertTrue(e.getMessage().contains("ssl.keyStore.type"), e.getMessage());
    }

    @Test
    void aSecurePortWithoutKeyStoreIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> secure().build());
        assertTrue(e.getMessage().contains("ssl.keyStore.location"), e.getMessage());
    }

    @Test
    void aPemKeyWithTheWrongPasswordIsNamed() throws Exception {
        TestPki pki = TestPki.create(dir, "CA2");
        Path pem = pki.pem(pki.server("s"), "server.pem", "pem-pw");
        String message = startupError(secure().keyStore(pem, Secret.of("not-it"), null).build());
        assertTrue(message.contains("ssl.keyStore.password"), message);
        assertFalse(message.contains("not-it"), message);
    }
}
