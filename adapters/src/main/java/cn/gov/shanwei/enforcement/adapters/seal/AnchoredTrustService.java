package cn.gov.shanwei.enforcement.adapters.seal;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Trusts a certificate issued directly by one of the given roots, valid at the given time and whose serial is not
 * in a fixed revoked set. A stand-in for tests and demos: it reads no CRL, so its revocation finding is only as good
 * as the set it was given. Deployments use {@link PkixTrustService} (chains of any depth, CRLs).
 */
public final class AnchoredTrustService implements TrustService {

    private static final Provider BC = new BouncyCastleProvider();

    private final List<X509Certificate> anchors;
    private final Set<BigInteger> revokedSerials;

    /**
     * @param anchors        accepted issuing certificates
     * @param revokedSerials serial numbers of revoked signer certificates
     */
    public AnchoredTrustService(List<X509Certificate> anchors, Set<BigInteger> revokedSerials) {
        this.anchors = List.copyOf(anchors);
        this.revokedSerials = Set.copyOf(revokedSerials);
    }

    @Override
    public Decision check(X509Certificate signer, Instant at) {
        Objects.requireNonNull(signer, "signer");
        try {
            signer.checkValidity(Date.from(at));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return Decision.untrusted("certificate not valid at " + at + ": valid " + signer.getNotBefore().toInstant()
                    + " to " + signer.getNotAfter().toInstant());
        }
        Finding revocation = revokedSerials.contains(signer.getSerialNumber())
                ? Finding.failed("certificate serial " + signer.getSerialNumber().toString(16) + " is revoked")
                : Finding.passed("serial not in the configured revoked list");
        for (X509Certificate anchor : anchors) {
            if (anchor.getSubjectX500Principal().equals(signer.getIssuerX500Principal())) {
                try {
                    signer.verify(anchor.getPublicKey(), BC);
                    return new Decision(Finding.passed("issued by " + anchor.getSubjectX500Principal().getName()),
                            revocation);
                } catch (GeneralSecurityException e) {
                    return Decision.untrusted("issuer name matches an anchor but its signature does not verify");
                }
            }
        }
        return Decision.untrusted("issuer " + signer.getIssuerX500Principal().getName() + " is not a trusted root");
    }
}
