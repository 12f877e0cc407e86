package io.paddock.server.net.tls;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads PEM text as ZooKeeper's PEM key stores hold it: certificates, and one PKCS#8 private
 * key, in the clear ({@code PRIVATE KEY}) or password-encrypted ({@code ENCRYPTED PRIVATE KEY}).
 *
 * <p>Stateless; each call works on its own input.
 */
final class PemReader {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");
    /** PBES2's object id: the real cipher is in the parameters. */
    private static final String PBES2_OID = "1.2.840.113549.1.5.13";
    private static final String[] KEY_ALGORITHMS = {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA"};

    private PemReader() {
    }

    static List<X509Certificate> certificates(String pem) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            if (m.group(1).equals("CERTIFICATE")) {
                out.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(decode(m.group(2)))));
            }
        }
        return out;
    }

    /** The private key, or null when the text holds none. */
    static PrivateKey privateKey(String pem, char[] password) throws GeneralSecurityException {
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            String kind = m.group(1);
            if (kind.equals("PRIVATE KEY")) {
                return parse(new PKCS8EncodedKeySpec(decode(m.group(2))));
            }
            if (kind.equals("ENCRYPTED PRIVATE KEY")) {
                return parse(decrypt(decode(m.group(2)), password));
            }
            if (kind.endsWith(" PRIVATE KEY")) {
                throw new GeneralSecurityException("a '" + kind + "' block is not PKCS#8;"
                        + " convert it with: openssl pkcs8 -topk8");
            }
        }
        return null;
    }

    private static PKCS8EncodedKeySpec decrypt(byte[] der, char[] password)
            throws GeneralSecurityException {
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            String algorithm = info.getAlgName();
            if (algorithm.equals(PBES2_OID) || algorithm.equalsIgnoreCase("PBES2")) {
                algorithm = info.getAlgParameters().toString();
            }
            SecretKey key = SecretKeyFactory.getInstance(algorithm)
                    .generateSecret(new PBEKeySpec(password));
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, key, info.getAlgParameters());
            return info.getKeySpec(cipher);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("not an encrypted PKCS#8 key: " + e.getMessage(), e);
        }
    }

    private static PrivateKey parse(PKCS8EncodedKeySpec spec) throws GeneralSecurityException {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // Not this algorithm: try the next.
            }
        }
        throw new GeneralSecurityException("the private key is of no algorithm this JDK knows");
    }

    private static byte[] decode(String base64) {
        return Base64.getMimeDecoder().decode(base64.trim());
    }
}
