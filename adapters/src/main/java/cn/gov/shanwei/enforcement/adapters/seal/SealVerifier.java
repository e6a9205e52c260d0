package cn.gov.shanwei.enforcement.adapters.seal;

import cn.gov.shanwei.enforcement.adapters.seal.SealCheck.Name;
import cn.gov.shanwei.enforcement.adapters.seal.SealVerificationReport.SignatureReport;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.ofdrw.core.basicType.ST_Loc;
import org.ofdrw.core.signatures.Signatures;
import org.ofdrw.core.signatures.range.Reference;
import org.ofdrw.core.signatures.range.References;
import org.ofdrw.core.signatures.sig.Signature;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.reader.ResourceLocator;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Verifies the electronic seals (电子签章: GB/T 38540-2020 v4 and GM/T 0031-2014 v1 {@code SES_Signature}) on an OFD document locally,
 * with Bouncy Castle SM2/SM3, and reports every check ({@link SealCheck.Name}) per signature: parse, document
 * digest (each protected file and SM3 of Signature.xml), the signer's SM3withSM2 signature, the seal maker's
 * signature over the seal, the seal's validity window at signing time, the signer certificate in the seal's
 * certificate list, the certificate chain and its revocation through the injected {@link TrustService}, the RFC 3161
 * timestamp if present ({@link TimestampCheck}; reported NOT_PRESENT when absent), and optionally that the seal
 * belongs to the expected unit.
 *
 * <p>Both GB/T 38540 (v4) and GM/T 0031 (v1) signatures are verified (ADR 0203). Thread-safe.
 */
public final class SealVerifier {

    static {
        JdkSaxParser.ensureNamed();
    }

    /** Largest document accepted. */
    public static final int MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;
    /** OID of SM3withSM2 (GB/T 35276). */
    public static final String SM3_WITH_SM2 = "1.2.156.10197.1.501";

    private static final Provider BC = new BouncyCastleProvider();

    private final TrustService trust;

    private SealVerifier(TrustService trust) {
        this.trust = trust;
    }

    /** A verifier asking {@code trust} about signer certificates. */
    public static SealVerifier using(TrustService trust) {
        return new SealVerifier(Objects.requireNonNull(trust, "trust"));
    }

    /** Verifies every signature of an OFD document. */
    public SealVerificationReport verify(byte[] ofd) {
        return verify(ofd, null);
    }

    /**
     * Verifies every signature of an OFD document and, when {@code expectedUnit} is given, that each seal belongs to
     * that unit: the seal's name (印章名称) starts with the unit's name, as 汕尾市市场监督管理局行政处罚专用章 does
     * for 汕尾市市场监督管理局. Use the collecting unit of a penalty decision.
     */
    public SealVerificationReport verify(byte[] ofd, String expectedUnit) {
        if (ofd == null || ofd.length == 0) {
            return new SealVerificationReport(List.of(), "document is empty");
        }
        if (ofd.length > MAX_DOCUMENT_BYTES) {
            return new SealVerificationReport(List.of(), "document exceeds " + MAX_DOCUMENT_BYTES + " bytes");
        }
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(ofd))) {
            ResourceLocator rl = reader.getResourceLocator();
            ST_Loc listLoc = reader.getDefaultDocSignaturesPath();
            if (listLoc == null) {
                return new SealVerificationReport(List.of(), null);
            }
            rl.save();
            try {
                rl.cd("/");
                Signatures list = rl.get(listLoc, Signatures::new);
                rl.cd(listLoc.parent());
                List<SignatureReport> reports = new ArrayList<>();
                for (org.ofdrw.core.signatures.Signature record : list.getSignatures()) {
                    reports.add(verifyOne(rl, record, expectedUnit));
                }
                return new SealVerificationReport(reports, null);
            } finally {
                rl.restore();
            }
        } catch (Exception | LinkageError e) {
            return new SealVerificationReport(List.of(), "document is not a readable OFD: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private SignatureReport verifyOne(ResourceLocator rl, org.ofdrw.core.signatures.Signature record,
                                      String expectedUnit) throws Exception {
        List<SealCheck> checks = new ArrayList<>();
        String id = record.getID() == null ? "?" : record.getID().toString();
        ST_Loc signatureLoc = record.getBaseLoc();
        Path signatureFile = rl.getFile(signatureLoc);
        Signature signature = rl.get(signatureLoc, Signature::new);
        byte[] tbsContent = Files.readAllBytes(signatureFile);
        byte[] signedValue;
        rl.save();
        try {
            rl.cd(signatureLoc.parent());
            signedValue = Files.readAllBytes(rl.getFile(signature.getSignedValue()));
        } finally {
            rl.restore();
        }
        SesParser.Signature ses;
        X509Certificate signer;
        try {
            ses = SesParser.signature(signedValue);
            signer = certificate(ses.signerCert());
        } catch (Exception e) {
            checks.add(SealCheck.failed(Name.PARSE, "SignedValue is neither a GB/T 38540 v4 nor a GM/T 0031 v1"
                    + " SES_Signature: " + e.getMessage()));
            return new SignatureReport(id, null, null, null, null, checks);
        }
        SesParser.Seal seal = ses.seal();
        checks.add(SealCheck.passed(Name.PARSE, (ses.version() == 4 ? "GB/T 38540 v4" : "GM/T 0031 v" + ses.version())
                + " SES_Signature of seal " + seal.esId()));
        checks.add(documentDigest(rl, signature, tbsContent, ses));
        checks.add(signerSignature(ses, signer));
        checks.add(sealSignature(seal));
        checks.add(validity(seal, ses.timeInfo()));
        checks.add(inCertList(seal, signer));
        TrustService.Decision decision = trust.check(signer, ses.timeInfo());
        checks.add(new SealCheck(Name.TRUST, decision.chain().status(), decision.chain().detail()));
        checks.add(new SealCheck(Name.REVOCATION, decision.revocation().status(), decision.revocation().detail()));
        checks.add(ses.timestamp() == null
                ? SealCheck.notPresent(Name.TIMESTAMP, "not present: the signature carries no timestamp"
                + (ses.version() == 4 ? "" : " (GM/T 0031 v1 has no timestamp field)"))
                : TimestampCheck.verify(ses.timestamp(), ses.signature(), seal, signer, trust));
        if (expectedUnit != null) {
            checks.add(seal.name().startsWith(expectedUnit)
                    ? SealCheck.passed(Name.SEAL_ENTITY, "seal " + seal.name() + " belongs to " + expectedUnit)
                    : SealCheck.failed(Name.SEAL_ENTITY, "seal " + seal.name() + " is not " + expectedUnit + "'s"));
        }
        return new SignatureReport(id, seal.esId(), seal.name(), signer.getSubjectX500Principal().getName(),
                ses.timeInfo(), checks);
    }

    private static SealCheck documentDigest(ResourceLocator rl, Signature signature, byte[] tbsContent,
                                            SesParser.Signature ses) throws Exception {
        References references = signature.getSignedInfo().getReferences();
        MessageDigest md = MessageDigest.getInstance(references.getCheckMethod(), BC);
        rl.save();
        try {
            for (Reference reference : references.getReferences()) {
                byte[] actual = md.digest(Files.readAllBytes(rl.getFile(reference.getFileRef())));
                if (!Arrays.equals(actual, reference.getCheckValue())) {
                    return SealCheck.failed(Name.DOCUMENT_DIGEST, "file " + reference.getFileRef()
                            + " was changed after signing");
                }
            }
        } finally {
            rl.restore();
        }
        byte[] dataHash = MessageDigest.getInstance("SM3", BC).digest(tbsContent);
        if (!Arrays.equals(dataHash, ses.dataHash())) {
            return SealCheck.failed(Name.DOCUMENT_DIGEST, "Signature.xml was changed after signing");
        }
        return SealCheck.passed(Name.DOCUMENT_DIGEST, references.getReferences().size()
                + " protected files and Signature.xml match their SM3 digests");
    }

    private static SealCheck signerSignature(SesParser.Signature ses, X509Certificate signer) throws Exception {
        if (!SM3_WITH_SM2.equals(ses.signatureAlg().getId())) {
            return SealCheck.failed(Name.SIGNATURE, "algorithm " + ses.signatureAlg() + " is not SM3withSM2");
        }
        return verifies(signer.getPublicKey(), ses.toBeSigned(), ses.signature())
                ? SealCheck.passed(Name.SIGNATURE, "SM3withSM2 signature by " + signer.getSubjectX500Principal().getName())
                : SealCheck.failed(Name.SIGNATURE, "signature value does not match TBS_Sign and the signer's key");
    }

    private static SealCheck sealSignature(SesParser.Seal seal) {
        try {
            X509Certificate maker = certificate(seal.makerCert());
            return verifies(maker.getPublicKey(), seal.toBeSigned(), seal.signedValue())
                    ? SealCheck.passed(Name.SEAL_SIGNATURE, "seal made by " + maker.getSubjectX500Principal().getName())
                    : SealCheck.failed(Name.SEAL_SIGNATURE, "the seal maker's signature over the seal does not verify");
        } catch (Exception e) {
            return SealCheck.failed(Name.SEAL_SIGNATURE, "the seal maker's certificate or signature is unusable: " + e);
        }
    }

    private static boolean verifies(java.security.PublicKey key, byte[] data, byte[] value) throws Exception {
        java.security.Signature verifier = java.security.Signature.getInstance("SM3withSM2", BC);
        verifier.initVerify(key);
        verifier.update(data);
        try {
            return verifier.verify(value);
        } catch (java.security.SignatureException malformed) {
            return false;
        }
    }

    private static SealCheck validity(SesParser.Seal seal, Instant signedAt) {
        return signedAt.isBefore(seal.validStart()) || signedAt.isAfter(seal.validEnd())
                ? SealCheck.failed(Name.SEAL_VALIDITY, "signed at " + signedAt + ", outside the seal's validity "
                + seal.validStart() + " to " + seal.validEnd())
                : SealCheck.passed(Name.SEAL_VALIDITY, "signed at " + signedAt + ", within " + seal.validStart()
                + " to " + seal.validEnd());
    }

    private static SealCheck inCertList(SesParser.Seal seal, X509Certificate signer) throws Exception {
        byte[] der = signer.getEncoded();
        for (byte[] cert : seal.certs()) {
            if (Arrays.equals(cert, der)) {
                return SealCheck.passed(Name.SIGNER_IN_SEAL_CERT_LIST, "signer certificate is in the seal's list");
            }
        }
        for (SesParser.CertDigest digest : seal.digests()) {
            MessageDigest md = MessageDigest.getInstance(digest.type(), BC);
            if (Arrays.equals(md.digest(der), digest.value())) {
                return SealCheck.passed(Name.SIGNER_IN_SEAL_CERT_LIST, "signer certificate digest is in the seal's list");
            }
        }
        return SealCheck.failed(Name.SIGNER_IN_SEAL_CERT_LIST, "signer certificate is not one the seal lists");
    }

    private static X509Certificate certificate(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509", BC).generateCertificate(new ByteArrayInputStream(der));
    }

}
