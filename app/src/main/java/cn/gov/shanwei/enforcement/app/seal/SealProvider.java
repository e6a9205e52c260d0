package cn.gov.shanwei.enforcement.app.seal;

import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifRequestSigner;
import cn.gov.shanwei.enforcement.adapters.seal.AnchoredTrustService;
import cn.gov.shanwei.enforcement.adapters.seal.HttpCrlSource;
import cn.gov.shanwei.enforcement.adapters.seal.PkixTrustService;
import cn.gov.shanwei.enforcement.adapters.seal.SealClient;
import cn.gov.shanwei.enforcement.adapters.seal.SealVerifier;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.routes.config.HubProvidersProperties;
import cn.gov.shanwei.enforcement.routes.config.ProviderCallSettings;
import cn.gov.shanwei.enforcement.routes.config.ProviderEndpoints;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link SealClient} and the local {@link SealVerifier}, built on first use so the hub starts where the seal
 * service is not configured yet (the durable call then fails, is retried, and names the missing setting).
 * Thread-safe.
 */
public class SealProvider {

    private final ProviderEndpoints endpoints;
    private final HubProvidersProperties providers;
    private final SealProperties properties;
    private final List<X509Certificate> extraAnchors;
    private final java.util.Map<X509Certificate, java.net.URI> crlUrls;
    private SealClient client;
    private SealVerifier verifier;

    /**
     * @param extraAnchors trust anchors besides {@code hub.seal.trust-anchors} (the sandbox's test CA)
     */
    public SealProvider(ProviderEndpoints endpoints, HubProvidersProperties providers, SealProperties properties,
                        List<X509Certificate> extraAnchors) {
        this(endpoints, providers, properties, extraAnchors, java.util.Map.of());
    }

    /**
     * @param extraAnchors trust anchors besides {@code hub.seal.trust-anchors} (the sandbox's test CA)
     * @param crlUrls      where the CRL of an issuer is published when its certificates do not say (the sandbox's);
     *                     otherwise each certificate's CRL distribution points are used
     */
    public SealProvider(ProviderEndpoints endpoints, HubProvidersProperties providers, SealProperties properties,
                        List<X509Certificate> extraAnchors, java.util.Map<X509Certificate, java.net.URI> crlUrls) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.extraAnchors = List.copyOf(extraAnchors);
        this.crlUrls = java.util.Map.copyOf(crlUrls);
    }

    /** @throws IllegalStateException naming the missing setting */
    public synchronized SealClient client() {
        if (client == null) {
            ProviderCallSettings settings = providers.settingsFor(Provider.SEAL);
            client = SealClient.builder()
                    .endpoint(endpoints.endpointOf(Provider.SEAL))
                    .signer(TifRequestSigner.of(new TifCredentials(
                            SealProperties.required(properties.paasId(), "paas-id"),
                            SealProperties.required(properties.token(), "token"))))
                    .connectTimeout(settings.connectTimeout())
                    .requestTimeout(settings.readTimeout())
                    .build();
        }
        return client;
    }

    /** The local verifier over the configured trust anchors. */
    public synchronized SealVerifier verifier() {
        if (verifier == null) {
            List<X509Certificate> anchors = new ArrayList<>(extraAnchors);
            for (String file : properties.trustAnchors()) {
                anchors.add(certificate(Path.of(file)));
            }
            // No anchor configured: every chain fails as untrusted (a seal is never valid on trust nobody gave).
            // Otherwise the chain is built and checked with PKIX and every certificate's revocation with its CRL
            // (ADR 0205); a CRL that cannot be had makes the seal INDETERMINATE, not valid.
            if (anchors.isEmpty()) {
                verifier = SealVerifier.using(new AnchoredTrustService(anchors, Set.of()));
            } else {
                HttpCrlSource.Builder crls = HttpCrlSource.builder()
                        .timeout(providers.settingsFor(Provider.SEAL).readTimeout());
                crlUrls.forEach(crls::crlOf);
                PkixTrustService.Builder trust = PkixTrustService.builder().crls(crls.build());
                anchors.forEach(trust::anchor);
                verifier = SealVerifier.using(trust.build());
            }
        }
        return verifier;
    }

    /** The seal {@code subjectId} applies to its decisions, if one is configured. */
    public java.util.Optional<String> sealOf(String subjectId) {
        return java.util.Optional.ofNullable(properties.seals().get(subjectId));
    }

    private static X509Certificate certificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509",
                    new org.bouncycastle.jce.provider.BouncyCastleProvider()).generateCertificate(in);
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("hub.seal.trust-anchors: " + file + " is not a readable X.509 certificate"
                    + " (" + e.getMessage() + ")", e);
        }
    }
}
