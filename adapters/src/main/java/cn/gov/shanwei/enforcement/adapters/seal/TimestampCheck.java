package cn.gov.shanwei.enforcement.adapters.seal;

import cn.gov.shanwei.enforcement.adapters.seal.SealCheck.Name;
import cn.gov.shanwei.enforcement.adapters.seal.SealCheck.Status;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

import java.io.IOException;
import java.io.OutputStream;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;

/**
 * Verifies the GB/T 38540 {@code timeStamp} of a signature: an RFC 3161 TimeStampToken whose message imprint is the
 * digest (SM3 normally; whatever algorithm the token names) of the signature value. Checks, in order: the token
 * parses; the imprint matches the signature value; the token carries the TSA certificate and its CMS signature (SM2 or
 * other) verifies, with the ESS certificate binding and the timeStamping key usage Bouncy Castle requires; the time
 * lies within the seal's validity and the signer certificate's; the trust service accepts the TSA certificate at that
 * time (chain and revocation). Thread-safe (stateless).
 */
final class TimestampCheck {

    private static final Provider BC = new BouncyCastleProvider();

    private TimestampCheck() {
    }

    static SealCheck verify(byte[] token, byte[] signatureValue, SesParser.Seal seal, X509Certificate signer,
                            TrustService trust) {
        TimeStampToken timestamp;
        try {
            timestamp = new TimeStampToken(new CMSSignedData(token));
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            return SealCheck.failed(Name.TIMESTAMP, "timeStamp is not an RFC 3161 TimeStampToken: " + e.getMessage());
        }
        TimeStampTokenInfo info = timestamp.getTimeStampInfo();
        Instant at = info.getGenTime().toInstant();
        try {
            DigestCalculator digest = new JcaDigestCalculatorProviderBuilder().setProvider(BC).build()
                    .get(new AlgorithmIdentifier(info.getMessageImprintAlgOID()));
            try (OutputStream out = digest.getOutputStream()) {
                out.write(signatureValue);
            }
            if (!Arrays.equals(digest.getDigest(), info.getMessageImprintDigest())) {
                return SealCheck.failed(Name.TIMESTAMP, "the timestamp's imprint is not the "
                        + info.getMessageImprintAlgOID() + " digest of this signature value: it stamps other data");
            }
        } catch (OperatorCreationException | IOException e) {
            return SealCheck.failed(Name.TIMESTAMP, "imprint algorithm " + info.getMessageImprintAlgOID()
                    + " is not supported");
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> certificates = timestamp.getCertificates().getMatches(timestamp.getSID());
        if (certificates.isEmpty()) {
            return SealCheck.indeterminate(Name.TIMESTAMP, "the token does not carry its TSA certificate, so its "
                    + "signature cannot be checked");
        }
        X509CertificateHolder holder = certificates.iterator().next();
        X509Certificate tsa;
        try {
            tsa = new JcaX509CertificateConverter().setProvider(BC).getCertificate(holder);
            timestamp.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(holder));
        } catch (TSPException | OperatorCreationException | java.security.cert.CertificateException
                 | RuntimeException e) {
            return SealCheck.failed(Name.TIMESTAMP, "the TSA's signature over the token does not verify: "
                    + e.getMessage());
        }
        String tsaName = tsa.getSubjectX500Principal().getName();
        if (at.isBefore(seal.validStart()) || at.isAfter(seal.validEnd())) {
            return SealCheck.failed(Name.TIMESTAMP, "stamped at " + at + ", outside the seal's validity "
                    + seal.validStart() + " to " + seal.validEnd());
        }
        if (at.isBefore(signer.getNotBefore().toInstant()) || at.isAfter(signer.getNotAfter().toInstant())) {
            return SealCheck.failed(Name.TIMESTAMP, "stamped at " + at + ", outside the signer certificate's validity "
                    + signer.getNotBefore().toInstant() + " to " + signer.getNotAfter().toInstant());
        }
        TrustService.Decision decision = trust.check(tsa, at);
        if (decision.chain().status() != Status.PASSED) {
            return new SealCheck(Name.TIMESTAMP, decision.chain().status() == Status.FAILED ? Status.FAILED
                    : Status.INDETERMINATE, "TSA certificate " + tsaName + ": " + decision.chain().detail());
        }
        if (decision.revocation().status() != Status.PASSED) {
            return new SealCheck(Name.TIMESTAMP, decision.revocation().status() == Status.FAILED ? Status.FAILED
                    : Status.INDETERMINATE, "TSA certificate " + tsaName + ": " + decision.revocation().detail());
        }
        return SealCheck.passed(Name.TIMESTAMP, "stamped at " + at + " by " + tsaName + " over the signature value ("
                + info.getMessageImprintAlgOID() + "), within the seal's and the signer certificate's validity");
    }
}
