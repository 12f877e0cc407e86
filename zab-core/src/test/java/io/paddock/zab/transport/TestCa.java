package io.paddock.zab.transport;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away CA in memory that issues peer certificates for 127.0.0.1 and localhost and hands out the
 * {@link PeerTls} of a server holding one. EC P-256 keeps key generation quick. For tests.
 */
final class TestCa {
    private final KeyPair keys;
    private final X509Certificate cert;

    private TestCa(KeyPair keys, X509Certificate cert) {
        this.keys = keys;
        this.cert = cert;
    }

    static TestCa create(String name) throws Exception {
        KeyPair keys = keyPair();
        X500Name subject = new X500Name("CN=" + name);
        X509v3CertificateBuilder b = builder(subject, subject, keys);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        return new TestCa(keys, sign(b, keys));
    }

    X509Certificate cert() {
        return cert;
    }

    /** A server trusting this CA, holding a certificate {@code issuer} signed. */
    static PeerTls peer(TestCa issuer, TestCa trusted, boolean hostnameVerification)
            throws Exception {
        return peer(issuer, trusted, hostnameVerification, ClientAuth.REQUIRE, "127.0.0.1");
    }

    /**
     * A server trusting this CA, holding a certificate {@code issuer} signed for the IP address
     * {@code ip} (and localhost), asking diallers for certificates as {@code clientAuth} says.
     */
    static PeerTls peer(TestCa issuer, TestCa trusted, boolean hostnameVerification,
            ClientAuth clientAuth, String ip) throws Exception {
        KeyPair keys = keyPair();
        X509v3CertificateBuilder b = builder(
                X500Name.getInstance(issuer.cert.getSubjectX500Principal().getEncoded()),
                new X500Name("CN=peer"), keys);
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                new GeneralName[] {new GeneralName(GeneralName.iPAddress, ip),
                    new GeneralName(GeneralName.dNSName, "localhost")}));
        X509Certificate leaf = sign(b, issuer.keys);
        SslContext server = SslContextBuilder.forServer(keys.getPrivate(), leaf, issuer.cert)
                .trustManager(trusted.cert).clientAuth(ClientAuth.REQUIRE).build();
        SslContext client = SslContextBuilder.forClient()
                .keyManager(keys.getPrivate(), leaf, issuer.cert)
                .trustManager(trusted.cert).build();
        return PeerTls.of(server, client, hostnameVerification, clientAuth);
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))),
                subject, keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }
}
