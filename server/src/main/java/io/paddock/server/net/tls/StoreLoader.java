package io.paddock.server.net.tls;

import io.paddock.server.config.ConfigException;
import io.paddock.server.config.StoreConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Opens the key and trust stores that ssl.keyStore.* and ssl.trustStore.* name: PKCS12 and
 * JKS through the JDK, PEM through {@link PemReader}. Every failure is a {@link ConfigException}
 * naming the key at fault and never the password.
 *
 * <p>Stateless and thread-safe.
 */
final class StoreLoader {
    private static final String PEM_KEY_ALIAS = "key";

    private StoreLoader() {
    }

    /** The store's bytes: what reloading compares, and what the store is loaded from. */
    static byte[] read(StoreConfig store) {
        try {
            return Files.readAllBytes(store.location());
        } catch (NoSuchFileException e) {
            throw new ConfigException(store.keyPrefix() + ".location=" + store.location()
                    + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(store.keyPrefix() + ".location=" + store.location()
                    + " cannot be read: " + e.getMessage());
        }
    }

    /** A key store holding the server's private key and certificate chain. */
    static KeyStore keyStore(StoreConfig store, byte[] bytes) {
        KeyStore ks = "PEM".equals(store.resolvedType()) ? pemKeyStore(store, bytes)
                : load(store, bytes);
        try {
            boolean hasKey = false;
            for (String alias : java.util.Collections.list(ks.aliases())) {
                hasKey |= ks.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new ConfigException(store.keyPrefix() + ".location=" + store.location()
                        + " holds no private key");
            }
        } catch (java.security.KeyStoreException e) {
            throw new ConfigException(store.keyPrefix() + ".location=" + store.location()
                    + " cannot be read: " + e.getMessage());
        }
        return ks;
    }

    /** A key store holding the trusted certificates. */
    static KeyStore trustStore(StoreConfig store, byte[] bytes) {
        if (!"PEM".equals(store.resolvedType())) {
            return load(store, bytes);
        }
        try {
            List<X509Certificate> certs = PemReader.certificates(ascii(bytes));
            if (certs.isEmpty()) {
                throw new ConfigException(store.keyPrefix() + ".location=" + store.location()
                        + " holds no certificate");
            }
            KeyStore ks = emptyStore();
            for (int i = 0; i < certs.size(); i++) {
                ks.setCertificateEntry("ca-" + i, certs.get(i));
            }
            return ks;
        } catch (GeneralSecurityException e) {
            throw unreadable(store, e);
        }
    }

    private static KeyStore load(StoreConfig store, byte[] bytes) {
        try {
            KeyStore ks = KeyStore.getInstance(store.resolvedType());
            ks.load(new ByteArrayInputStream(bytes), store.password().toCharArray());
            return ks;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new ConfigException(store.keyPrefix() + ".password is wrong for "
                        + store.keyPrefix() + ".location=" + store.location());
            }
            throw unreadable(store, e);
        } catch (GeneralSecurityException e) {
            throw unreadable(store, e);
        }
    }

    private static KeyStore pemKeyStore(StoreConfig store, byte[] bytes) {
        String text = ascii(bytes);
        char[] password = store.password().toCharArray();
        PrivateKey key;
        try {
            key = PemReader.privateKey(text, password);
        } catch (GeneralSecurityException e) {
            throw new ConfigException(store.keyPrefix() + ".location=" + store.location()
                    + ": the private key cannot be read (is " + store.keyPrefix()
                    + ".password right?): " + e.getMessage());
        }
        try {
            List<X509Certificate> chain = PemReader.certificates(text);
            if (key == null || chain.isEmpty()) {
                throw new ConfigException(store.keyPrefix() + ".location=" + store.location()
                        + " must hold a PKCS#8 private key and its certificate chain");
            }
            KeyStore ks = emptyStore();
            ks.setKeyEntry(PEM_KEY_ALIAS, key, password, chain.toArray(new Certificate[0]));
            return ks;
        } catch (GeneralSecurityException e) {
            throw unreadable(store, e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return ks;
    }

    private static ConfigException unreadable(StoreConfig store, Exception e) {
        return new ConfigException(store.keyPrefix() + ".location=" + store.location()
                + " cannot be read as " + store.resolvedType() + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
