package io.paddock.server.net.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for tests: it issues server and client certificates
 * (EC P-256, so key generation is quick) and writes them as PKCS12, JKS or PEM files into a
 * directory. One test thread uses an instance.
 */
public final class TestPki {
    private final Path dir;
    private final KeyPair caKeys;
    private final X509Certificate caCert;

    private TestPki(Path dir, KeyPair caKeys, X509Certificate caCert) {
        this.dir = dir;
        this.caKeys = caKeys;
        this.caCert = caCert;
    }

    /** A key and its certificate chain (the certificate, then the CA's). */
    public record Issued(KeyPair keys, X509Certificate cert, X509Certificate ca) {
        Certificate[] chain() {
            return new Certificate[] {cert, ca};
        }
    }

    public static TestPki create(Path dir, String caName) throws Exception {
        KeyPair keys = keyPair();
        X500Name name = name("CN=" + caName + ",O=Paddock Tests");
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(Instant.now().minus(Duration.ofDays(1))),
                Date.from(Instant.now().plus(Duration.ofDays(30))), name, keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new TestPki(dir, keys, sign(b, keys));
    }

    public X509Certificate caCert() {
        return caCert;
    }

    /** A server certificate for 127.0.0.1 and localhost, valid from yesterday for a month. */
    public Issued server(String commonName) throws Exception {
        return issue("CN=" + commonName + ",O=Paddock Tests", Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)), true);
    }

    /** A client certificate with this subject, valid from yesterday for a month. */
    public Issued client(String subject) throws Exception {
        return issue(subject, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)), false);
    }

    /** A client certificate that ran out yesterday. */
    public Issued expiredClient(String subject) throws Exception {
        return issue(subject, Instant.now().minus(Duration.ofDays(10)),
                Instant.now().minus(Duration.ofDays(1)), false);
    }

    /**
     * A server certificate for 127.0.0.1 and localhost whose CRL distribution point is
     * {@code crl} (where {@link #writeCrl} puts this CA's revocation list).
     */
    public Issued server(String commonName, Path crl) throws Exception {
        return issue("CN=" + commonName + ",O=Paddock Tests", Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)), true, crl);
    }

    /** Writes this CA's revocation list, revoking {@code revoked}, to {@code file} (DER). */
    public Path writeCrl(Path file, X509Certificate... revoked) throws Exception {
        Instant now = Instant.now();
        X509v2CRLBuilder b = new X509v2CRLBuilder(name(caCert.getSubjectX500Principal().getName()),
                Date.from(now.minus(Duration.ofMinutes(5))));
        b.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
        for (X509Certificate cert : revoked) {
            b.addCRLEntry(cert.getSerialNumber(), Date.from(now.minus(Duration.ofMinutes(1))),
                    CRLReason.keyCompromise);
        }
        X509CRLHolder crl = b.build(new JcaContentSignerBuilder("SHA256withECDSA")
                .build(caKeys.getPrivate()));
        Path tmp = Path.of(file + ".tmp");
        Files.write(tmp, crl.getEncoded());
        return Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private Issued issue(String subject, Instant from, Instant to, boolean server) throws Exception {
        return issue(subject, from, to, server, null);
    }

    private Issued issue(String subject, Instant from, Instant to, boolean server, Path crl)
            throws Exception {
        KeyPair keys = keyPair();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCert, serial(),
                Date.from(from), Date.from(to), name(subject), keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        if (crl != null) {
            b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(
                    new DistributionPoint[] {new DistributionPoint(new DistributionPointName(
                            new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier,
                                    crl.toUri().toString()))), null, null)}));
        }
        if (server) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                    new GeneralName[] {new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.dNSName, "localhost")}));
        }
        return new Issued(keys, sign(b, caKeys), caCert);
    }

    public Path pkcs12(Issued issued, String file, String password) throws Exception {
        return keyStore("PKCS12", issued, file, password);
    }

    public Path jks(Issued issued, String file, String password) throws Exception {
        return keyStore("JKS", issued, file, password);
    }

    /** The key and chain as PEM; the key encrypted with {@code password} unless it is null. */
    public Path pem(Issued issued, String file, String password) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(text)) {
            OutputEncryptor encryptor = password == null ? null
                    : new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                            .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                            .setPassword(password.toCharArray()).build();
            w.writeObject(new JcaPKCS8Generator(issued.keys().getPrivate(), encryptor));
            w.writeObject(issued.cert());
            w.writeObject(issued.ca());
        }
        return write(file, text.toString());
    }

    /** This CA's certificate as a trust store of the given type (PKCS12, JKS or PEM). */
    public Path trustStore(String type, String file, String password) throws Exception {
        if (type.equals("PEM")) {
            StringWriter text = new StringWriter();
            try (JcaPEMWriter w = new JcaPEMWriter(text)) {
                w.writeObject(caCert);
            }
            return write(file, text.toString());
        }
        KeyStore ks = KeyStore.getInstance(type);
        ks.load(null, null);
        ks.setCertificateEntry("ca", caCert);
        return store(ks, file, password);
    }

    private Path keyStore(String type, Issued issued, String file, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance(type);
        ks.load(null, null);
        ks.setKeyEntry("key", issued.keys().getPrivate(), password.toCharArray(), issued.chain());
        return store(ks, file, password);
    }

    private Path store(KeyStore ks, String file, String password) throws Exception {
        Path tmp = dir.resolve(file + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ks.store(out, password.toCharArray());
        }
        return moveIntoPlace(tmp, file);
    }

    private Path write(String file, String text) throws IOException {
        Path tmp = dir.resolve(file + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        return moveIntoPlace(tmp, file);
    }

    /** Written aside, then moved: a reloading server never sees half a file. */
    private Path moveIntoPlace(Path tmp, String file) throws IOException {
        return Files.move(tmp, dir.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The name as RFC 2253 writes it (most significant last), as the JDK reads it. */
    private static X500Name name(String rfc2253) {
        return X500Name.getInstance(new javax.security.auth.x500.X500Principal(rfc2253).getEncoded());
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(63, new java.security.SecureRandom());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }
}
