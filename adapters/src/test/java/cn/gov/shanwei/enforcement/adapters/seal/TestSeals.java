package cn.gov.shanwei.enforcement.adapters.seal;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.ofdrw.sign.timestamp.TimeStampHook;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.ofdrw.gm.ses.v1.SES_ESPictrueInfo;
import org.ofdrw.gm.ses.v1.SES_Header;
import org.ofdrw.gm.ses.v4.CertInfoList;
import org.ofdrw.gm.ses.v4.SES_CertList;
import org.ofdrw.gm.ses.v4.SES_ESPropertyInfo;
import org.ofdrw.gm.ses.v4.SES_SealInfo;
import org.ofdrw.gm.ses.v4.SESeal;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.sign.OFDSigner;
import org.ofdrw.sign.SignMode;
import org.ofdrw.sign.signContainer.SESV4Container;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;

/** Test-only SM2 keys, certificates and GB/T 38540 v4 seals, and documents sealed locally with ofdrw. */
final class TestSeals {

    static final Provider BC = new BouncyCastleProvider();
    /** The collecting unit of {@link #DECISION}. */
    static final String UNIT = "汕尾市市场监督管理局";
    static final PenaltyDecisionDocument DECISION = new PenaltyDecisionDocument("汕市监罚〔2025〕12号",
            "汕尾市城区海滨餐饮有限公司", "2025年3月1日检查发现其后厨存放过期食品原料三批次。",
            "《中华人民共和国食品安全法》第一百二十四条第一款第（三）项", "没收过期食品原料，并处罚款人民币伍万元整。",
            "汕尾市市场监督管理局", LocalDate.of(2025, 4, 20));

    final KeyPair rootKeys = keys();
    final X509Certificate root;
    final KeyPair signerKeys = keys();
    final X509Certificate signer;
    final KeyPair tsaKeys = keys();
    /** A timestamp authority certificate (critical extended key usage timeStamping) issued by the root. */
    final X509Certificate tsa;

    TestSeals(String rootName) {
        Instant now = Instant.now();
        root = certificate("CN=" + rootName, "CN=" + rootName, rootKeys, rootKeys, now.minus(1, ChronoUnit.DAYS),
                now.plus(3650, ChronoUnit.DAYS), BigInteger.ONE,
                new Extension(Extension.basicConstraints, true, der(new BasicConstraints(true))));
        signer = certificate("CN=" + rootName, "CN=Signer (TEST - NOT LEGALLY VALID)", rootKeys, signerKeys,
                now.minus(1, ChronoUnit.DAYS), now.plus(365, ChronoUnit.DAYS), BigInteger.valueOf(42));
        tsa = certificate("CN=" + rootName, "CN=Test TSA (TEST - NOT LEGALLY VALID)", rootKeys, tsaKeys,
                now.minus(1, ChronoUnit.DAYS), now.plus(365, ChronoUnit.DAYS), BigInteger.valueOf(7),
                new Extension(Extension.extendedKeyUsage, true,
                        der(new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))));
    }

    private static byte[] der(org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded("DER");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An RFC 3161 token from this CA's test TSA: SM3 imprint of {@code data}, signed SM3withSM2, time {@code at}. */
    byte[] timestamp(byte[] data, Instant at) {
        try {
            var signerInfo = new JcaSimpleSignerInfoGeneratorBuilder().setProvider(BC)
                    .build("SM3withSM2", tsaKeys.getPrivate(), tsa);
            var digests = new JcaDigestCalculatorProviderBuilder().setProvider(BC).build();
            var generator = new TimeStampTokenGenerator(signerInfo,
                    digests.get(new AlgorithmIdentifier(GMObjectIdentifiers.sm3)), new ASN1ObjectIdentifier("1.2.3.4.1"));
            generator.addCertificates(new JcaCertStore(java.util.List.of(tsa)));
            byte[] imprint = java.security.MessageDigest.getInstance("SM3", BC).digest(data);
            TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
            requests.setCertReq(true);
            TimeStampRequest request = requests.generate(GMObjectIdentifiers.sm3, imprint);
            return generator.generate(request, BigInteger.valueOf(at.toEpochMilli()), Date.from(at)).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CRL of the root, signed with its key, listing {@code revoked} serials. */
    X509CRL crl(Instant thisUpdate, Instant nextUpdate, BigInteger... revoked) {
        return crl(rootKeys, root, thisUpdate, nextUpdate, revoked);
    }

    /** A CRL of {@code issuer}, signed with {@code issuerKeys}, listing {@code revoked} serials (key compromise). */
    static X509CRL crl(KeyPair issuerKeys, X509Certificate issuer, Instant thisUpdate, Instant nextUpdate,
                       BigInteger... revoked) {
        try {
            var builder = new X509v2CRLBuilder(X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
                    Date.from(thisUpdate)).setNextUpdate(Date.from(nextUpdate));
            for (BigInteger serial : revoked) {
                builder.addCRLEntry(serial, Date.from(thisUpdate.minus(1, ChronoUnit.HOURS)), CRLReason.keyCompromise);
            }
            var contentSigner = new JcaContentSignerBuilder("SM3withSM2").setProvider(BC).build(issuerKeys.getPrivate());
            return new JcaX509CRLConverter().setProvider(BC).getCRL(builder.build(contentSigner));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate certificate(String issuer, String subject, KeyPair issuerKeys, KeyPair subjectKeys,
                                       Instant from, Instant to, BigInteger serial, Extension... extensions) {
        try {
            var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), serial, Date.from(from), Date.from(to),
                    new X500Name(subject), subjectKeys.getPublic());
            for (Extension extension : extensions) {
                builder.addExtension(extension);
            }
            var contentSigner = new JcaContentSignerBuilder("SM3withSM2").setProvider(BC).build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().setProvider(BC).getCertificate(builder.build(contentSigner));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A v4 seal named {@code name}, listing {@code listed}, made (signed) with the root key. */
    SESeal seal(String esId, String name, Instant validStart, Instant validEnd, X509Certificate listed) {
        try {
            SES_ESPropertyInfo property = new SES_ESPropertyInfo()
                    .setType(new org.bouncycastle.asn1.ASN1Integer(1))
                    .setName(new DERUTF8String(name))
                    .setCertListType(SES_ESPropertyInfo.CertListType)
                    .setCertList(new SES_CertList(new CertInfoList().add(new DEROctetString(listed.getEncoded()))))
                    .setCreateDate(new ASN1GeneralizedTime(Date.from(validStart), Locale.CHINA))
                    .setValidStart(new ASN1GeneralizedTime(Date.from(validStart), Locale.CHINA))
                    .setValidEnd(new ASN1GeneralizedTime(Date.from(validEnd), Locale.CHINA));
            SES_SealInfo info = new SES_SealInfo().setHeader(new SES_Header(SES_Header.V4, new org.bouncycastle.asn1.DERIA5String("OFDRW")))
                    .setEsID(esId).setProperty(property)
                    .setPicture(new SES_ESPictrueInfo().setType("PNG").setData(new byte[] {(byte) 0x89, 'P', 'N', 'G'})
                            .setWidth(40).setHeight(40));
            DEROctetString makerCert = new DEROctetString(root.getEncoded());
            return new SESeal(info, makerCert, GMObjectIdentifiers.sm2sign_with_sm3, makerSignature(info, makerCert));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The penalty seal (行政处罚专用章) of {@link #UNIT}, valid from 30 days ago for a year, listing {@link #signer}. */
    SESeal unitSeal(String esId) {
        Instant now = Instant.now();
        return seal(esId, UNIT + "行政处罚专用章", now.minus(30, ChronoUnit.DAYS), now.plus(365, ChronoUnit.DAYS), signer);
    }

    /** A verifier trusting this CA's root, one level deep, revoking nothing. */
    SealVerifier anchoredVerifier() {
        return SealVerifier.using(new AnchoredTrustService(java.util.List.of(root), java.util.Set.of()));
    }

    /** A GM/T 0031 v1 seal named {@code name}, listing {@code listed}, made with the root key. */
    org.ofdrw.gm.ses.v1.SESeal sealV1(String esId, String name, Instant validStart, Instant validEnd,
                                      X509Certificate listed) {
        try {
            var property = new org.ofdrw.gm.ses.v1.SES_ESPropertyInfo(new org.bouncycastle.asn1.ASN1Integer(1),
                    new DERUTF8String(name), new DERSequence(new DEROctetString(listed.getEncoded())),
                    new org.bouncycastle.asn1.ASN1UTCTime(Date.from(validStart), Locale.CHINA),
                    new org.bouncycastle.asn1.ASN1UTCTime(Date.from(validStart), Locale.CHINA),
                    new org.bouncycastle.asn1.ASN1UTCTime(Date.from(validEnd), Locale.CHINA));
            var info = new org.ofdrw.gm.ses.v1.SES_SealInfo(new SES_Header(new org.bouncycastle.asn1.ASN1Integer(1),
                    new org.bouncycastle.asn1.DERIA5String("OFDRW")), new org.bouncycastle.asn1.DERIA5String(esId),
                    property, new SES_ESPictrueInfo().setType("PNG").setData(new byte[] {(byte) 0x89, 'P', 'N', 'G'})
                    .setWidth(40).setHeight(40), null);
            DEROctetString makerCert = new DEROctetString(root.getEncoded());
            return new org.ofdrw.gm.ses.v1.SESeal(info, new org.ofdrw.gm.ses.v1.SES_SignInfo(makerCert,
                    GMObjectIdentifiers.sm2sign_with_sm3, makerSignature(info, makerCert)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The seal maker's SM3withSM2 signature over (sealInfo, makerCert, algorithm), as both seal versions sign it. */
    private org.bouncycastle.asn1.DERBitString makerSignature(org.bouncycastle.asn1.ASN1Encodable info,
                                                             DEROctetString makerCert) throws Exception {
        ASN1EncodableVector tbs = new ASN1EncodableVector();
        tbs.add(info);
        tbs.add(makerCert);
        tbs.add(GMObjectIdentifiers.sm2sign_with_sm3);
        Signature sign = Signature.getInstance("SM3withSM2", BC);
        sign.initSign(rootKeys.getPrivate());
        sign.update(new DERSequence(tbs).getEncoded("DER"));
        return new org.bouncycastle.asn1.DERBitString(sign.sign());
    }

    /** Seals {@code ofd} locally with ofdrw's SES v1 (GM/T 0031) container. */
    byte[] sealLocallyV1(byte[] ofd, org.ofdrw.gm.ses.v1.SESeal seal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(ofd));
             OFDSigner signer = new OFDSigner(reader, out)) {
            signer.setSignMode(SignMode.WholeProtected).setSignContainer(
                    new org.ofdrw.sign.signContainer.SESV1Container(signerKeys.getPrivate(), seal, signer()));
            signer.exeSign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private X509Certificate signer() {
        return signer;
    }

    /** Seals {@code ofd} locally with ofdrw's SES v4 container (as the sandbox does remotely). */
    byte[] sealLocally(byte[] ofd, SESeal seal, KeyPair keys, X509Certificate cert) {
        return sealLocally(ofd, seal, keys, cert, signatureValue -> null);
    }

    /** As {@link #sealLocally(byte[], SESeal, KeyPair, X509Certificate)}, with {@code timestamp}'s token (if any). */
    byte[] sealLocally(byte[] ofd, SESeal seal, KeyPair keys, X509Certificate cert, TimeStampHook timestamp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(ofd));
             OFDSigner signer = new OFDSigner(reader, out)) {
            signer.setSignMode(SignMode.WholeProtected)
                    .setSignContainer(new SESV4Container(keys.getPrivate(), seal, cert, timestamp));
            signer.exeSign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
