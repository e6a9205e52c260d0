package cn.gov.shanwei.enforcement.adapters.seal;

import java.io.IOException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

/**
 * Where {@link PkixTrustService} gets certificate revocation lists (CRL, 证书撤销列表) for a certificate:
 * {@link HttpCrlSource} fetches them from the certificate's CRL distribution points (or a configured URL per issuer);
 * {@link #of} holds given ones in memory.
 */
@FunctionalInterface
public interface CrlSource {

    /**
     * The CRLs that may cover {@code certificate}; the trust service picks those of its issuer and checks their
     * signature and freshness itself.
     *
     * @throws IOException when the revocation data cannot be had (unreachable, refused, malformed, too large): the
     *                     trust service reports revocation INDETERMINATE, never a pass
     */
    List<X509CRL> crlsFor(X509Certificate certificate) throws IOException;

    /** Always the given CRLs (for tests, or CRLs distributed out of band). */
    static CrlSource of(Collection<X509CRL> crls) {
        List<X509CRL> copy = List.copyOf(crls);
        return certificate -> copy;
    }
}
