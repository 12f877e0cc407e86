package io.paddock.server.net.tls;

import io.paddock.server.config.ConfigException;
import io.paddock.server.config.JvmEnvironment;
import io.paddock.server.config.QuorumTlsConfig;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilder;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quorum's trust managers: the trust store's CAs (or the JDK's), and with ssl.quorum.crl or
 * ssl.quorum.ocsp a PKIX revocation check on every peer certificate, as ZooKeeper's X509Util
 * turns them on. The check is the JDK's own {@link PKIXRevocationChecker}, given to this
 * factory alone (so OCSP needs no JVM-wide {@code ocsp.enable}): crl alone checks certificate
 * revocation lists only; ocsp asks OCSP first with the CRLs as fallback (in ZooKeeper before
 * 3.10, ocsp implies crl). A
 * certificate whose status cannot be found fails, as in ZooKeeper. CRLs are fetched from the
 * certificates' CRL distribution points, which the JDK does only with the JVM-wide
 * {@code com.sun.security.enableCRLDP=true}: like ZooKeeper, crl sets it unless the operator
 * did ({@link JvmEnvironment#enableCrlDistributionPoints}). OCSP asks the responder the
 * certificate names.
 *
 * <p>Stateless and thread-safe.
 */
final class RevocationTrust {
    private static final Logger LOG = LoggerFactory.getLogger(RevocationTrust.class);

    private RevocationTrust() {
    }

    /** The trust managers; null means the JDK's defaults (no trust store, no revocation). */
    static TrustManagerFactory managers(QuorumTlsConfig tls, byte[] trustStoreBytes) {
        if (!tls.crl() && !tls.ocsp()) {
            return tls.trustStore() == null ? null
                    : ServerSslContexts.trustManagers(tls.trustStore(), trustStoreBytes);
        }
        if (tls.crl() || tls.ocsp()) {
            JvmEnvironment.enableCrlDistributionPoints();
            if (!JvmEnvironment.crlDistributionPointsEnabled()) {
                LOG.warn("ssl.quorum.crl or ssl.quorum.ocsp is true but the JVM runs with"
                        + " -Dcom.sun.security.enableCRLDP=false: no CRL can be fetched, so every"
                        + " peer whose revocation status is not otherwise known is refused");
            }
        }
        try {
            Set<TrustAnchor> anchors = anchors(tls.trustStore() == null ? null
                    : StoreLoader.trustStore(tls.trustStore(), trustStoreBytes));
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, new X509CertSelector());
            PKIXRevocationChecker checker =
                    (PKIXRevocationChecker) CertPathBuilder.getInstance("PKIX").getRevocationChecker();
            EnumSet<PKIXRevocationChecker.Option> options =
                    EnumSet.noneOf(PKIXRevocationChecker.Option.class);
            if (!tls.ocsp()) {
                options.add(PKIXRevocationChecker.Option.PREFER_CRLS);
                options.add(PKIXRevocationChecker.Option.NO_FALLBACK);
            }
            checker.setOptions(options);
            params.setRevocationEnabled(true);
            params.addCertPathChecker(checker);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(new CertPathTrustManagerParameters(params));
            return tmf;
        } catch (GeneralSecurityException e) {
            throw new ConfigException("ssl.quorum.crl/ssl.quorum.ocsp: cannot set up revocation"
                    + " checking with " + (tls.trustStore() == null ? "the JDK's CAs"
                    : "ssl.quorum.trustStore.location=" + tls.trustStore().location()) + ": "
                    + e.getMessage());
        }
    }

    /** The CAs of a trust store, or the JDK's when there is none. */
    private static Set<TrustAnchor> anchors(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(store);
        Set<TrustAnchor> anchors = new HashSet<>();
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                for (X509Certificate ca : x.getAcceptedIssuers()) {
                    anchors.add(new TrustAnchor(ca, null));
                }
            }
        }
        if (anchors.isEmpty()) {
            throw new GeneralSecurityException("the trust store holds no CA certificate");
        }
        return anchors;
    }
}
