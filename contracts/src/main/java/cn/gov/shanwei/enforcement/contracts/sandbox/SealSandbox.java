package cn.gov.shanwei.enforcement.contracts.sandbox;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.ofdrw.gm.ses.v1.SES_ESPictrueInfo;
import org.ofdrw.gm.ses.v1.SES_Header;
import org.ofdrw.gm.ses.v4.CertInfoList;
import org.ofdrw.gm.ses.v4.SES_CertList;
import org.ofdrw.gm.ses.v4.SES_ESPropertyInfo;
import org.ofdrw.gm.ses.v4.SES_SealInfo;
import org.ofdrw.gm.ses.v4.SES_Signature;
import org.ofdrw.gm.ses.v4.SESeal;
import org.ofdrw.gm.ses.v4.TBS_Sign;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's electronic seal service (电子印章): a few seals of Shanwei units, made at start-up with the
 * freshly generated <b>test</b> SM2 keys and certificates of {@link SandboxSealPki} (marked "TEST - NOT LEGALLY
 * VALID"), and signing that produces real GB/T 38540 v4 {@code SES_Signature} structures (SM3withSM2, written with
 * ofdrw-gm on Bouncy Castle), each with an RFC 3161 timeStamp from the sandbox TSA unless {@link #timestamps} is off.
 * Contract: {@code contracts/seal/seal-v1.yaml}. Keys live only in memory: every sandbox start has new ones, so
 * tests take the trust anchor from {@link #trustAnchor()}.
 */
public final class SealSandbox implements ResponseDefinitionTransformerV2 {

    /** The seals, by id: name, unit, validity. */
    private static final String[][] SEALS = {
            {"SEAL-SWSCJG-001", "汕尾市市场监督管理局行政处罚专用章", "汕尾市市场监督管理局", "2024-01-01T00:00:00Z", "2030-12-31T15:59:59Z"},
            {"SEAL-HFSCJG-001", "海丰县市场监督管理局行政处罚专用章", "海丰县市场监督管理局", "2024-01-01T00:00:00Z", "2030-12-31T15:59:59Z"},
            {"SEAL-LFSCJG-2019", "陆丰市市场监督管理局行政处罚专用章", "陆丰市市场监督管理局", "2019-01-01T00:00:00Z", "2022-12-31T15:59:59Z"},
    };
    private static final Provider BC = new BouncyCastleProvider();

    private final Clock clock;
    private final KeyPair makerKeys;
    private final X509Certificate makerCert;
    private final KeyPair signerKeys;
    private final X509Certificate signerCert;
    private final Map<String, Entry> seals = new LinkedHashMap<>();
    private final AtomicLong signatures = new AtomicLong();
    private final SandboxSealPki pki;
    private volatile boolean timestamps = true;
    /** Signatures made under a business key, in order (the service cannot deduplicate: a repeat signs again). */
    private final Map<String, java.util.List<Map<String, Object>>> byBusinessKey = new ConcurrentHashMap<>();

    SealSandbox(Clock clock, SandboxSealPki pki) {
        this.clock = clock;
        this.pki = pki;
        try {
            makerKeys = pki.rootKeys();
            makerCert = pki.root();
            signerKeys = pki.signerKeys();
            signerCert = pki.signer();
            byte[] picture = picture();
            for (String[] s : SEALS) {
                seals.put(s[0], new Entry(s[0], s[1], s[2], Instant.parse(s[3]), Instant.parse(s[4]),
                        seal(s[0], s[1], Instant.parse(s[3]), Instant.parse(s[4]), picture)));
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot create the sandbox's test seals", e);
        }
    }

    /** The test CA that made the seals and issued the signer certificate: the only anchor that trusts them. */
    public X509Certificate trustAnchor() {
        return makerCert;
    }

    /** The test signer certificate (listed in every sandbox seal). */
    public X509Certificate signerCertificate() {
        return signerCert;
    }

    /** The test PKI behind the seals: root CA, signer, timestamp authority, CRL. */
    public SandboxSealPki pki() {
        return pki;
    }

    /**
     * Whether signatures carry a GB/T 38540 {@code timeStamp} from the sandbox TSA over their signature value
     * (default yes); switch off to get signatures without one.
     */
    public void timestamps(boolean on) {
        this.timestamps = on;
    }

    /** How many signatures the sandbox has made. */
    public long signatureCount() {
        return signatures.get();
    }

    /** How many signatures the sandbox has made under {@code businessKey} (exactly-once proofs). */
    public int signatureCount(String businessKey) {
        return byBusinessKey.getOrDefault(businessKey, java.util.List.of()).size();
    }

    @Override
    public String getName() {
        return "sandbox-seal";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String operation = event.getTransformerParameters().getString("operation");
        if ("seal".equals(operation)) {
            return describe(event);
        }
        return "find".equals(operation) ? find(event) : sign(event);
    }

    private ResponseDefinition describe(ServeEvent event) {
        String path = URI.create(event.getRequest().getUrl()).getPath();
        Entry seal = seals.get(path.substring(path.lastIndexOf('/') + 1));
        if (seal == null) {
            return SandboxAnswers.error(event, 404, "SEAL_NOT_FOUND", "no such seal");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sealId", seal.id);
        answer.put("sealName", seal.name);
        answer.put("unitName", seal.unit);
        answer.put("validStart", seal.validStart.toString());
        answer.put("validEnd", seal.validEnd.toString());
        answer.put("legallyValid", false);
        answer.put("seal", Base64.getEncoder().encodeToString(seal.der));
        return SandboxAnswers.json(event, answer);
    }

    private ResponseDefinition find(ServeEvent event) {
        String key = SandboxRequests.query(event.getRequest(), "businessKey");
        if (key == null || !key.matches("[0-9A-Za-z._:-]{1,64}")) {
            return SandboxAnswers.error(event, 400, "INVALID_REQUEST", "businessKey: 1-64 letters, digits, . _ : -");
        }
        java.util.List<Map<String, Object>> made = byBusinessKey.get(key);
        if (made == null || made.isEmpty()) {
            return SandboxAnswers.error(event, 404, "SIGNATURE_NOT_FOUND", "no signature was made for " + key);
        }
        return SandboxAnswers.json(event, made.get(0));
    }

    private ResponseDefinition sign(ServeEvent event) {
        Map<String, Object> body = SandboxAnswers.body(event);
        String sealId = SandboxAnswers.text(body, "sealId");
        String signerId = SandboxAnswers.text(body, "signerId");
        String propertyInfo = SandboxAnswers.text(body, "propertyInfo");
        String businessKey = SandboxAnswers.text(body, "businessKey");
        if (businessKey != null && !businessKey.matches("[0-9A-Za-z._:-]{1,64}")) {
            return SandboxAnswers.error(event, 400, "INVALID_REQUEST", "businessKey: 1-64 letters, digits, . _ : -");
        }
        byte[] dataHash;
        try {
            dataHash = Base64.getDecoder().decode(String.valueOf(SandboxAnswers.text(body, "dataHash")));
        } catch (IllegalArgumentException e) {
            dataHash = new byte[0];
        }
        if (sealId == null || signerId == null || propertyInfo == null || dataHash.length != 32) {
            return SandboxAnswers.error(event, 400, "INVALID_REQUEST",
                    "sealId, signerId, propertyInfo and a 32-byte base64 SM3 dataHash are required");
        }
        Entry seal = seals.get(sealId);
        if (seal == null) {
            return SandboxAnswers.error(event, 404, "SEAL_NOT_FOUND", "no such seal");
        }
        Instant now = clock.instant();
        if (now.isBefore(seal.validStart) || now.isAfter(seal.validEnd)) {
            return SandboxAnswers.error(event, 409, "SEAL_EXPIRED", "the seal is valid only from " + seal.validStart
                    + " to " + seal.validEnd);
        }
        try {
            TBS_Sign toSign = new TBS_Sign().setVersion(SES_Header.V4).setEseal(seal.sealObject)
                    .setTimeInfo(new ASN1GeneralizedTime(Date.from(now), Locale.CHINA)).setDataHash(dataHash)
                    .setPropertyInfo(propertyInfo);
            Signature signer = Signature.getInstance("SM3withSM2", BC);
            signer.initSign(signerKeys.getPrivate());
            signer.update(toSign.getEncoded("DER"));
            SES_Signature ses = new SES_Signature().setToSign(toSign).setCert(signerCert)
                    .setSignatureAlgID(GMObjectIdentifiers.sm2sign_with_sm3).setSignature(signer.sign());
            if (timestamps) {
                ses.setTimeStamp(new DERBitString(pki.timestamp(ses.getSignature().getOctets())));
            }
            signatures.incrementAndGet();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("signatureId", "SIG-" + UUID.randomUUID());
            answer.put("sealId", sealId);
            answer.put("signedAt", now.toString());
            answer.put("legallyValid", false);
            answer.put("sesSignature", Base64.getEncoder().encodeToString(ses.getEncoded("DER")));
            if (businessKey != null) {
                answer.put("businessKey", businessKey);
                byBusinessKey.computeIfAbsent(businessKey, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(Map.copyOf(answer));
            }
            return SandboxAnswers.json(event, answer);
        } catch (GeneralSecurityException | IOException e) {
            return SandboxAnswers.error(event, 500, "SIGNING_FAILED", e.getMessage());
        }
    }

    private SESeal seal(String id, String name, Instant start, Instant end, byte[] picture)
            throws GeneralSecurityException, IOException {
        SES_ESPropertyInfo property = new SES_ESPropertyInfo()
                .setType(new ASN1Integer(1))
                .setName(new DERUTF8String(name))
                .setCertListType(SES_ESPropertyInfo.CertListType)
                .setCertList(new SES_CertList(new CertInfoList().add(new DEROctetString(signerCert.getEncoded()))))
                .setCreateDate(new ASN1GeneralizedTime(Date.from(start), Locale.CHINA))
                .setValidStart(new ASN1GeneralizedTime(Date.from(start), Locale.CHINA))
                .setValidEnd(new ASN1GeneralizedTime(Date.from(end), Locale.CHINA));
        SES_SealInfo info = new SES_SealInfo().setHeader(new SES_Header(SES_Header.V4, new DERIA5String("SWSANDBOX")))
                .setEsID(id).setProperty(property)
                .setPicture(new SES_ESPictrueInfo().setType("PNG").setData(picture).setWidth(40).setHeight(40));
        DEROctetString cert = new DEROctetString(makerCert.getEncoded());
        ASN1EncodableVector tbs = new ASN1EncodableVector();
        tbs.add(info);
        tbs.add(cert);
        tbs.add(GMObjectIdentifiers.sm2sign_with_sm3);
        Signature maker = Signature.getInstance("SM3withSM2", BC);
        maker.initSign(makerKeys.getPrivate());
        maker.update(new DERSequence(tbs).getEncoded("DER"));
        return new SESeal(info, cert, GMObjectIdentifiers.sm2sign_with_sm3, new DERBitString(maker.sign()));
    }

    /** A red round seal impression (circle and star), 400 px, PNG; no text, so no font is needed. */
    private static byte[] picture() throws IOException {
        BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(220, 20, 30));
        g.setStroke(new BasicStroke(14));
        g.drawOval(12, 12, 376, 376);
        int[] xs = new int[10];
        int[] ys = new int[10];
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? 70 : 28;
            double a = Math.PI / 2 + i * Math.PI / 5;
            xs[i] = (int) (200 + r * Math.cos(a));
            ys[i] = (int) (200 - r * Math.sin(a));
        }
        g.fillPolygon(xs, ys, 10);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** One seal: its description and its DER {@code SESeal}. */
    private static final class Entry {
        final String id;
        final String name;
        final String unit;
        final Instant validStart;
        final Instant validEnd;
        final SESeal sealObject;
        final byte[] der;

        Entry(String id, String name, String unit, Instant validStart, Instant validEnd, SESeal seal) throws IOException {
            this.id = id;
            this.name = name;
            this.unit = unit;
            this.validStart = validStart;
            this.validEnd = validEnd;
            this.sealObject = seal;
            this.der = seal.getEncoded("DER");
        }
    }
}
