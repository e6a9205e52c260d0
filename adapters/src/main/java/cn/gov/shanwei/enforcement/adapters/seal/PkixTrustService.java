package cn.gov.shanwei.enforcement.adapters.seal;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trust service for deployments: builds the certificate's chain to one of the configured trust anchors with
 * Bouncy Castle's PKIX builder (SM2/SM3withSM2 certificates, intermediates taken from the configured ones), every
 * certificate valid at the given time; then checks each certificate of the chain below the anchor against its
 * issuer's CRL from a {@link CrlSource}.
 *
 * <p>Revocation is strict (ADR 0205): a certificate listed on its issuer's CRL fails whatever its revocation date,
 * since without a trusted timestamp the signing time is only the signer's claim. Revocation is INDETERMINATE, never
 * passed, when the CRL cannot be had, is not signed by the issuer, or is out of date (its nextUpdate has passed on
 * this service's clock). OCSP is not consulted. Thread-safe.
 *
 * <p>What cannot change is remembered (ADR 0518): a chain built for a certificate is reused for another time at which
 * every certificate of that chain, the root included, is valid (the anchors and intermediates are fixed for the
 * service's life and the chain's signatures do not depend on the time; the certificate's validity at the time is
 * still checked on every call), and a CRL whose signature verified with an issuer's key is not verified again with
 * that key. Revocation itself is judged on every call from the CRLs the source answers then, with their freshness
 * on this service's clock: a new CRL is a new entry and is verified before it is used.
 */
public final class PkixTrustService implements TrustService {

    private static final Provider BC = new BouncyCastleProvider();

    private final Set<TrustAnchor> anchors;
    private final List<X509Certificate> intermediates;
    private final CrlSource crls;
    private final Clock clock;
    /** Chains built, by target certificate (ADR 0518); successes only. */
    private final Map<X509Certificate, BuiltChain> chains = new ConcurrentHashMap<>();
    /** CRLs whose signature verified, each with the issuer key it verified with (ADR 0518). */
    private final Map<VerifiedCrl, Boolean> verifiedCrls = new ConcurrentHashMap<>();

    /** How many entries each cache keeps before it is emptied: a bound on memory, far above a province's CAs. */
    static final int CACHE_LIMIT = 4_096;

    private PkixTrustService(Builder builder) {
        Set<TrustAnchor> set = new HashSet<>();
        for (X509Certificate anchor : builder.anchors) {
            set.add(new TrustAnchor(anchor, null));
        }
        this.anchors = Set.copyOf(set);
        this.intermediates = List.copyOf(builder.intermediates);
        this.crls = builder.crls;
        this.clock = builder.clock;
    }

    /** Starts a builder; at least one anchor and a CRL source are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Decision check(X509Certificate certificate, Instant at) {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(at, "at");
        try {
            certificate.checkValidity(Date.from(at));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return Decision.untrusted("certificate not valid at " + at + ": valid "
                    + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant());
        }
        BuiltChain built = chains.get(certificate);
        if (built == null || !built.validAt(at)) {
            try {
                built = BuiltChain.of(build(certificate, at));
            } catch (CertPathBuilderException e) {
                return Decision.untrusted("no valid chain from " + certificate.getSubjectX500Principal().getName()
                        + " (issuer " + certificate.getIssuerX500Principal().getName() + ") to a trusted root at " + at
                        + ": " + e.getMessage());
            } catch (GeneralSecurityException e) {
                return new Decision(TrustService.Finding.indeterminate("chain could not be built: " + e),
                        TrustService.Finding.skipped("not examined: the chain is undetermined"));
            }
            remember(chains, certificate, built);
        }
        List<X509Certificate> chain = built.chain();
        X509Certificate root = built.root();
        Finding chainFinding = Finding.passed(chain.size() + "-certificate chain to trusted root "
                + root.getSubjectX500Principal().getName() + ", valid at " + at);
        return new Decision(chainFinding, revocation(chain, root));
    }

    private PKIXCertPathBuilderResult build(X509Certificate certificate, Instant at) throws GeneralSecurityException {
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(certificate);
        PKIXBuilderParameters parameters;
        try {
            parameters = new PKIXBuilderParameters(anchors, target);
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("no trust anchors", e);
        }
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(at));
        List<X509Certificate> store = new ArrayList<>(intermediates);
        store.add(certificate);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store), BC));
        return (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX", BC).build(parameters);
    }

    /** Each certificate of the chain (target first) against its issuer's CRL; the worst finding wins. */
    private Finding revocation(List<X509Certificate> chain, X509Certificate root) {
        List<String> passed = new ArrayList<>();
        Finding indeterminate = null;
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate issuer = i + 1 < chain.size() ? chain.get(i + 1) : root;
            Finding finding = revocation(chain.get(i), issuer);
            switch (finding.status()) {
                case FAILED -> {
                    return finding;
                }
                case PASSED -> passed.add(finding.detail());
                default -> indeterminate = indeterminate == null ? finding : indeterminate;
            }
        }
        return indeterminate != null ? indeterminate : Finding.passed(String.join("; ", passed));
    }

    private Finding revocation(X509Certificate certificate, X509Certificate issuer) {
        String subject = certificate.getSubjectX500Principal().getName();
        List<X509CRL> candidates;
        try {
            candidates = crls.crlsFor(certificate);
        } catch (IOException | RuntimeException e) {
            return Finding.indeterminate("revocation of " + subject + " unknown: " + e.getMessage());
        }
        Instant now = clock.instant();
        String problem = "no CRL of issuer " + issuer.getSubjectX500Principal().getName();
        for (X509CRL crl : candidates) {
            if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                continue;
            }
            VerifiedCrl verified = new VerifiedCrl(crl, issuer.getPublicKey());
            if (!verifiedCrls.containsKey(verified)) {
                try {
                    crl.verify(issuer.getPublicKey(), BC);
                } catch (GeneralSecurityException e) {
                    problem = "the CRL naming issuer " + issuer.getSubjectX500Principal().getName()
                            + " is not signed by its key";
                    continue;
                }
                remember(verifiedCrls, verified, Boolean.TRUE);
            }
            Instant thisUpdate = crl.getThisUpdate().toInstant();
            Instant nextUpdate = crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
            if (thisUpdate.isAfter(now)) {
                problem = "the CRL of " + issuer.getSubjectX500Principal().getName() + " is dated in the future ("
                        + thisUpdate + ")";
                continue;
            }
            if (nextUpdate == null || nextUpdate.isBefore(now)) {
                problem = "the CRL of " + issuer.getSubjectX500Principal().getName() + " is out of date: nextUpdate "
                        + nextUpdate + " has passed";
                continue;
            }
            X509CRLEntry entry = crl.getRevokedCertificate(certificate);
            if (entry != null) {
                return Finding.failed(subject + " (serial " + certificate.getSerialNumber().toString(16)
                        + ") is revoked since " + entry.getRevocationDate().toInstant()
                        + (entry.getRevocationReason() == null ? "" : ", reason " + entry.getRevocationReason()));
            }
            return Finding.passed(subject + " not on the CRL of " + thisUpdate + " (next " + nextUpdate + ")");
        }
        return Finding.indeterminate("revocation of " + subject + " unknown: " + problem);
    }

    private static <K, V> void remember(Map<K, V> cache, K key, V value) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(key, value);
    }

    /** A CRL (compared by its encoding) and the issuer key its signature verified with. */
    private record VerifiedCrl(X509CRL crl, PublicKey issuerKey) {
    }

    /**
     * A chain built to a trusted root, with the span in which every certificate of it, the root included, is valid:
     * the same chain holds for any time in that span.
     */
    private record BuiltChain(List<X509Certificate> chain, X509Certificate root, Instant validFrom, Instant validTo) {

        static BuiltChain of(PKIXCertPathBuilderResult path) {
            @SuppressWarnings("unchecked")
            List<X509Certificate> chain = List.copyOf((List<X509Certificate>) path.getCertPath().getCertificates());
            X509Certificate root = path.getTrustAnchor().getTrustedCert();
            Instant from = root.getNotBefore().toInstant();
            Instant to = root.getNotAfter().toInstant();
            for (X509Certificate c : chain) {
                from = c.getNotBefore().toInstant().isAfter(from) ? c.getNotBefore().toInstant() : from;
                to = c.getNotAfter().toInstant().isBefore(to) ? c.getNotAfter().toInstant() : to;
            }
            return new BuiltChain(chain, root, from, to);
        }

        boolean validAt(Instant at) {
            return !at.isBefore(validFrom) && !at.isAfter(validTo);
        }
    }

    /** Builds a {@link PkixTrustService}; not thread-safe, use once. */
    public static final class Builder {

        private final List<X509Certificate> anchors = new ArrayList<>();
        private final List<X509Certificate> intermediates = new ArrayList<>();
        private CrlSource crls;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** A trusted root (e.g. the province's SM2 root CA). */
        public Builder anchor(X509Certificate root) {
            anchors.add(Objects.requireNonNull(root, "root"));
            return this;
        }

        /** An intermediate CA certificate chains may go through (not trusted by itself). */
        public Builder intermediate(X509Certificate intermediate) {
            intermediates.add(Objects.requireNonNull(intermediate, "intermediate"));
            return this;
        }

        /** Where CRLs come from; required (e.g. {@link HttpCrlSource}). */
        public Builder crls(CrlSource crls) {
            this.crls = Objects.requireNonNull(crls, "crls");
            return this;
        }

        /** The clock a CRL's freshness is judged on; default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @throws IllegalArgumentException when no anchor or no CRL source is set */
        public PkixTrustService build() {
            if (anchors.isEmpty()) {
                throw new IllegalArgumentException("at least one trust anchor is required");
            }
            if (crls == null) {
                throw new IllegalArgumentException("a CRL source is required");
            }
            return new PkixTrustService(this);
        }
    }
}
