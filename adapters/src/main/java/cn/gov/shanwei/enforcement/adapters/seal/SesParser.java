package cn.gov.shanwei.enforcement.adapters.seal;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERSequence;

import java.io.IOException;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads GB/T 38540-2020 (v4) and GM/T 0031-2014 (v1) {@code SES_Signature} and {@code SESeal} structures with
 * Bouncy Castle's own ASN.1 classes, into one shape. ofdrw-gm's parsers were built against an older Bouncy Castle
 * and fail on 1.87 (see ADR 0203), so the hub parses itself; ofdrw-gm is used only to write these structures.
 *
 * <p>v1 differs from v4: {@code SES_Signature = {toSign, signature}} with the signer certificate and algorithm
 * inside {@code TBS_Sign}, {@code timeInfo} a BIT STRING holding the time as text, {@code SESeal = {sealInfo,
 * signInfo{cert, alg, signData}}} and UTCTime validity.
 */
final class SesParser {

    /** Zone of v1 signing times written without one (as ofdrw writes them: {@code yyyy-MM-dd HH:mm:ss}). */
    private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

    /** Refuses structures nested or sized beyond reason before parsing. */
    static final int MAX_DER_BYTES = 4 * 1024 * 1024;

    private SesParser() {
    }

    /**
     * A parsed seal.
     *
     * @param esId       印章编码
     * @param name       印章名称
     * @param certs      the certificate list (certListType 1), DER each; empty for a digest list
     * @param digests    the certificate digest list (certListType 2): algorithm name or OID, digest
     * @param validStart start of validity
     * @param validEnd   end of validity
     * @param makerCert  制章人 certificate, DER
     * @param signAlg    the seal signature's algorithm
     * @param signedValue the maker's signature
     * @param toBeSigned DER of SEQUENCE { eSealInfo, cert, signAlgID }, what the maker signed
     */
    record Seal(String esId, String name, List<byte[]> certs, List<CertDigest> digests, Instant validStart,
                Instant validEnd, byte[] makerCert, ASN1ObjectIdentifier signAlg, byte[] signedValue,
                byte[] toBeSigned) {
    }

    /** One entry of a certificate digest list. */
    record CertDigest(String type, byte[] value) {
    }

    /**
     * A parsed signature.
     *
     * @param version      TBS_Sign version (4)
     * @param seal         the seal it uses
     * @param timeInfo     signing time
     * @param dataHash     SM3 of the protected data
     * @param propertyInfo property info
     * @param toBeSigned   DER of TBS_Sign
     * @param signerCert   signer certificate, DER
     * @param signatureAlg signature algorithm OID
     * @param signature    signature value
     * @param timestamp    the v4 {@code timeStamp [0]}: DER of the RFC 3161 TimeStampToken over the signature
     *                     value, or {@code null} when absent (v1 has none)
     */
    record Signature(int version, Seal seal, Instant timeInfo, byte[] dataHash, String propertyInfo,
                     byte[] toBeSigned, byte[] signerCert, ASN1ObjectIdentifier signatureAlg, byte[] signature,
                     byte[] timestamp) {
    }

    /** A v4 or v1 signature, told apart by their shapes. @throws IllegalArgumentException naming what does not parse */
    static Signature signature(byte[] der) {
        ASN1Sequence seq = sequence(primitive(der), "SES_Signature");
        return seq.size() == 2 ? v1(seq) : v4(seq);
    }

    private static Signature v1(ASN1Sequence seq) {
        ASN1Sequence tbs = sequence(seq.getObjectAt(0), "TBS_Sign");
        int version = ASN1Integer.getInstance(tbs.getObjectAt(0)).intValueExact();
        Seal seal = sealV1(tbs.getObjectAt(1));
        return new Signature(version, seal, v1Time(bits(tbs.getObjectAt(2))), bits(tbs.getObjectAt(3)),
                string(tbs.getObjectAt(4)), encode(tbs), ASN1OctetString.getInstance(tbs.getObjectAt(5)).getOctets(),
                ASN1ObjectIdentifier.getInstance(tbs.getObjectAt(6)),
                ASN1BitString.getInstance(seq.getObjectAt(1)).getOctets(), null);
    }

    private static Seal sealV1(ASN1Encodable encodable) {
        ASN1Sequence seal = sequence(encodable, "SESeal");
        ASN1Sequence info = sequence(seal.getObjectAt(0), "SES_SealInfo");
        ASN1Sequence header = sequence(info.getObjectAt(0), "SES_Header");
        if (!"ES".equals(string(header.getObjectAt(0)))) {
            throw new IllegalArgumentException("SES_Header.ID is not ES");
        }
        String esId = string(info.getObjectAt(1));
        ASN1Sequence property = sequence(info.getObjectAt(2), "SES_ESPropertyInfo");
        List<byte[]> certs = new ArrayList<>();
        for (ASN1Encodable item : sequence(property.getObjectAt(2), "certList")) {
            certs.add(ASN1OctetString.getInstance(item).getOctets());
        }
        ASN1Sequence signInfo = sequence(seal.getObjectAt(1), "SES_SignInfo");
        ASN1OctetString cert = ASN1OctetString.getInstance(signInfo.getObjectAt(0));
        ASN1ObjectIdentifier alg = ASN1ObjectIdentifier.getInstance(signInfo.getObjectAt(1));
        ASN1EncodableVector tbs = new ASN1EncodableVector();
        tbs.add(info);
        tbs.add(cert);
        tbs.add(alg);
        return new Seal(esId, string(property.getObjectAt(1)), certs, List.of(),
                anyTime(property.getObjectAt(4), "validStart"), anyTime(property.getObjectAt(5), "validEnd"),
                cert.getOctets(), alg, ASN1BitString.getInstance(signInfo.getObjectAt(2)).getOctets(),
                encode(new DERSequence(tbs)));
    }

    private static byte[] bits(ASN1Encodable encodable) {
        return encodable instanceof ASN1OctetString octets ? octets.getOctets()
                : ASN1BitString.getInstance(encodable).getOctets();
    }

    /** A v1 timeInfo: the time as text, GeneralizedTime/UTCTime form or {@code yyyy-MM-dd HH:mm:ss} (China time). */
    private static Instant v1Time(byte[] text) {
        String time = new String(text, java.nio.charset.StandardCharsets.US_ASCII).strip();
        try {
            if (time.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
                return java.time.LocalDateTime.parse(time.replace(' ', 'T')).atZone(CHINA).toInstant();
            }
            return new ASN1GeneralizedTime(time).getDate().toInstant();
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("timeInfo '" + time + "' is not a time", e);
        }
    }

    private static Instant anyTime(ASN1Encodable encodable, String what) {
        if (encodable instanceof org.bouncycastle.asn1.ASN1UTCTime utc) {
            try {
                return utc.getAdjustedDate().toInstant();
            } catch (ParseException e) {
                throw new IllegalArgumentException(what + " is not a UTCTime", e);
            }
        }
        return time(encodable, what);
    }

    private static Signature v4(ASN1Sequence seq) {
        ASN1Sequence tbs = sequence(seq.getObjectAt(0), "TBS_Sign");
        int version = ASN1Integer.getInstance(tbs.getObjectAt(0)).intValueExact();
        Seal seal = seal(tbs.getObjectAt(1));
        Instant time = time(tbs.getObjectAt(2), "timeInfo");
        byte[] dataHash = ASN1BitString.getInstance(tbs.getObjectAt(3)).getOctets();
        String property = string(tbs.getObjectAt(4));
        byte[] timestamp = null;
        for (int i = 4; i < seq.size(); i++) {
            if (seq.getObjectAt(i) instanceof ASN1TaggedObject tagged && tagged.getTagNo() == 0) {
                timestamp = timestamp(tagged);
            }
        }
        return new Signature(version, seal, time, dataHash, property, encode(tbs),
                ASN1OctetString.getInstance(seq.getObjectAt(1)).getOctets(),
                ASN1ObjectIdentifier.getInstance(seq.getObjectAt(2)),
                ASN1BitString.getInstance(seq.getObjectAt(3)).getOctets(), timestamp);
    }

    /**
     * The token inside {@code timeStamp [0] EXPLICIT BIT STRING}; an OCTET STRING or the bare ContentInfo SEQUENCE
     * (as some signing services write it) are read too.
     */
    private static byte[] timestamp(ASN1TaggedObject tagged) {
        ASN1Primitive inner = tagged.getExplicitBaseObject().toASN1Primitive();
        if (inner instanceof ASN1BitString bits) {
            return bits.getOctets();
        }
        if (inner instanceof ASN1OctetString octets) {
            return octets.getOctets();
        }
        if (inner instanceof ASN1Sequence) {
            return encode(inner);
        }
        throw new IllegalArgumentException("timeStamp is neither a BIT STRING nor a TimeStampToken");
    }

    /** @throws IllegalArgumentException naming what does not parse */
    static Seal seal(byte[] der) {
        return seal(primitive(der));
    }

    private static Seal seal(ASN1Encodable encodable) {
        ASN1Sequence seal = sequence(encodable, "SESeal");
        ASN1Sequence info = sequence(seal.getObjectAt(0), "SES_SealInfo");
        ASN1Sequence header = sequence(info.getObjectAt(0), "SES_Header");
        if (!"ES".equals(string(header.getObjectAt(0)))) {
            throw new IllegalArgumentException("SES_Header.ID is not ES");
        }
        int headerVersion = ASN1Integer.getInstance(header.getObjectAt(1)).intValueExact();
        if (headerVersion != 4) {
            throw new IllegalArgumentException("seal version " + headerVersion + " is not 4");
        }
        String esId = string(info.getObjectAt(1));
        ASN1Sequence property = sequence(info.getObjectAt(2), "SES_ESPropertyInfo");
        String name = string(property.getObjectAt(1));
        int listType = ASN1Integer.getInstance(property.getObjectAt(2)).intValueExact();
        List<byte[]> certs = new ArrayList<>();
        List<CertDigest> digests = new ArrayList<>();
        for (ASN1Encodable item : sequence(property.getObjectAt(3), "certList")) {
            if (listType == 1) {
                certs.add(ASN1OctetString.getInstance(item).getOctets());
            } else if (listType == 2) {
                ASN1Sequence digest = sequence(item, "CertDigestObj");
                digests.add(new CertDigest(string(digest.getObjectAt(0)),
                        ASN1OctetString.getInstance(digest.getObjectAt(1)).getOctets()));
            } else {
                throw new IllegalArgumentException("certListType " + listType + " is neither 1 nor 2");
            }
        }
        Instant validStart = time(property.getObjectAt(5), "validStart");
        Instant validEnd = time(property.getObjectAt(6), "validEnd");
        ASN1OctetString cert = ASN1OctetString.getInstance(seal.getObjectAt(1));
        ASN1ObjectIdentifier alg = ASN1ObjectIdentifier.getInstance(seal.getObjectAt(2));
        ASN1EncodableVector tbs = new ASN1EncodableVector();
        tbs.add(info);
        tbs.add(cert);
        tbs.add(alg);
        return new Seal(esId, name, certs, digests, validStart, validEnd, cert.getOctets(), alg,
                ASN1BitString.getInstance(seal.getObjectAt(3)).getOctets(), encode(new DERSequence(tbs)));
    }

    private static ASN1Primitive primitive(byte[] der) {
        if (der == null || der.length == 0 || der.length > MAX_DER_BYTES) {
            throw new IllegalArgumentException("DER of 1 byte to " + MAX_DER_BYTES + " expected");
        }
        try {
            return ASN1Primitive.fromByteArray(der);
        } catch (IOException e) {
            throw new IllegalArgumentException("not DER: " + e.getMessage(), e);
        }
    }

    private static ASN1Sequence sequence(ASN1Encodable encodable, String what) {
        try {
            return ASN1Sequence.getInstance(encodable);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not a SEQUENCE", e);
        }
    }

    private static String string(ASN1Encodable encodable) {
        if (encodable instanceof ASN1String text) {
            return text.getString();
        }
        return ASN1IA5String.getInstance(encodable).getString();
    }

    private static Instant time(ASN1Encodable encodable, String what) {
        try {
            return ASN1GeneralizedTime.getInstance(encodable).getDate().toInstant();
        } catch (ParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not a GeneralizedTime", e);
        }
    }

    private static byte[] encode(ASN1Encodable encodable) {
        try {
            return encodable.toASN1Primitive().getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode as DER", e);
        }
    }
}
