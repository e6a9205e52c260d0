package cn.gov.shanwei.enforcement.adapters.seal;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import javax.security.auth.x500.X500Principal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches CRLs over HTTP: from the http(s) URLs of a certificate's CRL distribution points extension, or from a URL
 * configured for its issuer (which wins: a province may publish its CRL somewhere its certificates do not say).
 * A CRL is kept until its nextUpdate and fetched again after. Each fetch has a timeout and a size limit; a failure is
 * an {@link IOException} naming the URL, which the trust service reports as INDETERMINATE. Thread-safe.
 */
public final class HttpCrlSource implements CrlSource {

    /** Largest CRL accepted. */
    public static final int MAX_CRL_BYTES = 8 * 1024 * 1024;

    private static final Provider BC = new BouncyCastleProvider();

    private final HttpClient http;
    private final Duration timeout;
    private final Map<X500Principal, URI> byIssuer;
    private final Clock clock;
    private final Map<URI, X509CRL> cache = new ConcurrentHashMap<>();

    private HttpCrlSource(Builder builder) {
        this.timeout = builder.timeout;
        this.byIssuer = Map.copyOf(builder.byIssuer);
        this.clock = builder.clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<X509CRL> crlsFor(X509Certificate certificate) throws IOException {
        List<URI> urls = urls(certificate);
        if (urls.isEmpty()) {
            throw new IOException("no CRL location: the certificate has no http(s) CRL distribution point and none is "
                    + "configured for issuer " + certificate.getIssuerX500Principal().getName());
        }
        List<X509CRL> crls = new ArrayList<>();
        IOException last = null;
        for (URI url : urls) {
            try {
                crls.add(fetch(url));
            } catch (IOException e) {
                last = e;
            }
        }
        if (crls.isEmpty()) {
            throw last;
        }
        return crls;
    }

    private List<URI> urls(X509Certificate certificate) throws IOException {
        URI configured = byIssuer.get(certificate.getIssuerX500Principal());
        if (configured != null) {
            return List.of(configured);
        }
        byte[] extension = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (extension == null) {
            return List.of();
        }
        List<URI> urls = new ArrayList<>();
        try {
            CRLDistPoint points = CRLDistPoint.getInstance(ASN1OctetString.getInstance(extension).getOctets());
            for (DistributionPoint point : points.getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
                    continue;
                }
                for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                    if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        URI uri = URI.create(general.getName().toString());
                        if ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) {
                            urls.add(uri);
                        }
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IOException("the certificate's CRL distribution points extension is malformed", e);
        }
        return urls;
    }

    private X509CRL fetch(URI url) throws IOException {
        X509CRL cached = cache.get(url);
        if (cached != null && cached.getNextUpdate() != null && cached.getNextUpdate().toInstant().isAfter(clock.instant())) {
            return cached;
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching the CRL " + url, e);
        } catch (IOException e) {
            throw new IOException("CRL " + url + " unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("CRL " + url + " answered HTTP " + response.statusCode());
            }
            body = in.readNBytes(MAX_CRL_BYTES + 1);
        }
        if (body.length > MAX_CRL_BYTES) {
            throw new IOException("CRL " + url + " exceeds " + MAX_CRL_BYTES + " bytes");
        }
        try {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509", BC)
                    .generateCRL(new ByteArrayInputStream(body));
            if (crl == null) {
                throw new IOException("CRL " + url + " answered an empty body");
            }
            cache.put(url, crl);
            return crl;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException("CRL " + url + " is not a DER or PEM X.509 CRL: " + e.getMessage(), e);
        }
    }

    /** Builds an {@link HttpCrlSource}. */
    public static final class Builder {

        private Duration timeout = Duration.ofSeconds(5);
        private final Map<X500Principal, URI> byIssuer = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Connect and answer timeout of one fetch; default 5 s. */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /** Fetch the CRL of certificates issued by {@code issuer} from {@code url}, whatever they say. */
        public Builder crlOf(X509Certificate issuer, URI url) {
            Objects.requireNonNull(issuer, "issuer");
            if (url == null || !url.isAbsolute() || !url.getScheme().matches("(?i)https?")) {
                throw new IllegalArgumentException("a CRL URL must be absolute http or https: " + url);
            }
            byIssuer.put(issuer.getSubjectX500Principal(), url);
            return this;
        }

        /** The clock that decides whether a cached CRL is still current; default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public HttpCrlSource build() {
            return new HttpCrlSource(this);
        }
    }
}
