package cn.gov.shanwei.enforcement.contracts.sandbox;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox seal service's <b>test</b> PKI, generated in memory at every start and marked "TEST - NOT LEGALLY
 * VALID": an SM2 root CA (which also makes the seals), the seal signer's certificate, a timestamp authority (TSA)
 * certificate, and the root's CRL, served at {@value #CRL_PATH} (outside the TIF gateway, as a CRL distribution point
 * is) and re-issued on every request with the current revocations.
 *
 * <p>Tests steer it: {@link #revoke} a serial, {@link #publishStaleCrl} to serve a CRL whose nextUpdate has passed,
 * {@link #stampWithExpiredCertificate} for a TSA whose certificate has expired, {@link #restore} to go back to a
 * fresh, empty CRL and the valid TSA certificate. The TSA stamps SM3 imprints with SM3withSM2 (RFC 3161 token,
 * test policy {@value #TEST_POLICY}). Thread-safe.
 */
public final class SandboxSealPki implements ResponseDefinitionTransformerV2 {

    /** Where the root's CRL is served. */
    public static final String CRL_PATH = "/seal/pki/root.crl";
    /** TSA policy of the sandbox's tokens: an arc that no real policy uses. */
    public static final String TEST_POLICY = "1.2.156.4415.999.1";

    private static final Provider BC = new BouncyCastleProvider();
    private static final Duration CRL_LIFETIME = Duration.ofDays(1);

    private final Clock clock;
    private final KeyPair rootKeys = keys();
    private final X509Certificate root;
    private final KeyPair signerKeys = keys();
    private final X509Certificate signer;
    private final KeyPair tsaKeys = keys();
    private final X509Certificate validTsa;
    private final X509Certificate expiredTsa;
    private volatile X509Certificate tsa;
    private final Map<BigInteger, Instant> revoked = new ConcurrentHashMap<>();
    private final AtomicLong tokenSerial = new AtomicLong();
    private volatile boolean stale;

    SandboxSealPki(Clock clock) {
        this.clock = clock;
        Instant from = Instant.parse("2018-01-01T00:00:00Z");
        Instant to = clock.instant().plus(Duration.ofDays(3650));
        X500Name rootName = new X500Name("CN=Shanwei Sandbox Seal CA (TEST - NOT LEGALLY VALID)");
        root = certificate(rootName, rootName, rootKeys, BigInteger.ONE, from, to,
                new Extension(Extension.basicConstraints, true, der(new BasicConstraints(true))),
                new Extension(Extension.keyUsage, true, der(new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))));
        signer = certificate(rootName, new X500Name("CN=Shanwei Sandbox Seal Signer (TEST - NOT LEGALLY VALID)"),
                signerKeys, BigInteger.valueOf(1001), from, to);
        X500Name tsaName = new X500Name("CN=Shanwei Sandbox TSA (TEST - NOT LEGALLY VALID)");
        Extension timeStamping = new Extension(Extension.extendedKeyUsage, true,
                der(new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping)));
        validTsa = certificate(rootName, tsaName, tsaKeys, BigInteger.valueOf(2001), from, to, timeStamping);
        expiredTsa = certificate(rootName, tsaName, tsaKeys, BigInteger.valueOf(2002), from,
                clock.instant().minus(Duration.ofDays(1)), timeStamping);
        tsa = validTsa;
    }

    /** The root CA: the one trust anchor of everything the sandbox seal service signs. */
    public X509Certificate root() {
        return root;
    }

    /** The seal signer's certificate (listed in every sandbox seal). */
    public X509Certificate signer() {
        return signer;
    }

    /** The timestamp authority's certificate in use (critical extended key usage timeStamping). */
    public X509Certificate tsa() {
        return tsa;
    }

    KeyPair rootKeys() {
        return rootKeys;
    }

    KeyPair signerKeys() {
        return signerKeys;
    }

    /** From now on the CRL lists {@code serial}, revoked (key compromise) as of now. */
    public void revoke(BigInteger serial) {
        revoked.put(Objects.requireNonNull(serial, "serial"), clock.instant());
    }

    /** From now on the CRL served is out of date: its nextUpdate lies an hour in the past. */
    public void publishStaleCrl() {
        stale = true;
    }

    /**
     * From now on the TSA stamps with a certificate of its key that expired yesterday (serial 2002): an expired
     * certificate, as a relying party must refuse it.
     */
    public void stampWithExpiredCertificate() {
        tsa = expiredTsa;
    }

    /** A fresh CRL revoking nothing and the TSA's valid certificate, as at start. */
    public void restore() {
        revoked.clear();
        stale = false;
        tsa = validTsa;
    }

    /** The CRL as served now: signed SM3withSM2 by the root, listing the revoked serials. */
    public X509CRL crl() {
        Instant now = clock.instant();
        Instant thisUpdate = stale ? now.minus(CRL_LIFETIME).minus(Duration.ofHours(1)) : now.minusSeconds(60);
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(root.getSubjectX500Principal()
                    .getEncoded()), Date.from(thisUpdate)).setNextUpdate(Date.from(thisUpdate.plus(CRL_LIFETIME)));
            revoked.forEach((serial, at) -> builder.addCRLEntry(serial, Date.from(at), CRLReason.keyCompromise));
            var contentSigner = new JcaContentSignerBuilder("SM3withSM2").setProvider(BC).build(rootKeys.getPrivate());
            return new JcaX509CRLConverter().setProvider(BC).getCRL(builder.build(contentSigner));
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot issue the sandbox CRL", e);
        }
    }

    /**
     * An RFC 3161 TimeStampToken (DER) over {@code data}: SM3 imprint, SM3withSM2 signature by the test TSA, its
     * certificate included, time now. What GB/T 38540 puts in {@code SES_Signature.timeStamp} over the signature value.
     */
    public byte[] timestamp(byte[] data) {
        try {
            var signerInfo = new JcaSimpleSignerInfoGeneratorBuilder().setProvider(BC)
                    .build("SM3withSM2", tsaKeys.getPrivate(), tsa);
            var generator = new TimeStampTokenGenerator(signerInfo, new JcaDigestCalculatorProviderBuilder()
                    .setProvider(BC).build().get(new AlgorithmIdentifier(GMObjectIdentifiers.sm3)),
                    new ASN1ObjectIdentifier(TEST_POLICY));
            generator.addCertificates(new JcaCertStore(List.of(tsa)));
            TimeStampRequestGenerator request = new TimeStampRequestGenerator();
            request.setCertReq(true);
            byte[] imprint = MessageDigest.getInstance("SM3", BC).digest(data);
            return generator.generate(request.generate(GMObjectIdentifiers.sm3, imprint),
                    BigInteger.valueOf(tokenSerial.incrementAndGet()), Date.from(clock.instant())).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("the sandbox TSA cannot stamp", e);
        }
    }

    @Override
    public String getName() {
        return "sandbox-seal-pki";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        try {
            ResponseDefinitionBuilder answer = ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withHeader("Content-Type", "application/pkix-crl").withBody(crl().getEncoded());
            Integer delay = event.getResponseDefinition().getFixedDelayMilliseconds();
            return (delay == null ? answer : answer.withFixedDelay(delay)).build();
        } catch (GeneralSecurityException e) {
            return SandboxAnswers.error(event, 500, "CRL_FAILED", e.getMessage());
        }
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a sandbox SM2 key pair", e);
        }
    }

    private X509Certificate certificate(X500Name issuer, X500Name subject, KeyPair subjectKeys, BigInteger serial,
                                        Instant from, Instant to, Extension... extensions) {
        try {
            var builder = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(from), Date.from(to), subject,
                    subjectKeys.getPublic());
            for (Extension extension : extensions) {
                builder.addExtension(extension);
            }
            var contentSigner = new JcaContentSignerBuilder("SM3withSM2").setProvider(BC).build(rootKeys.getPrivate());
            return new JcaX509CertificateConverter().setProvider(BC).getCertificate(builder.build(contentSigner));
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a sandbox certificate", e);
        }
    }

    private static byte[] der(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
