package cn.gov.shanwei.enforcement.adapters.seal;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderException;
import cn.gov.shanwei.enforcement.adapters.common.rest.JsonFields;
import cn.gov.shanwei.enforcement.adapters.common.rest.RestTransport;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.ofdrw.core.signatures.SigType;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.sign.ExtendSignatureContainer;
import org.ofdrw.sign.OFDSigner;
import org.ofdrw.sign.SignMode;
import org.ofdrw.sign.stamppos.NormalStampPos;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Client of the provincial electronic seal service (电子印章), REST behind the TIF gateway; contract
 * {@code contracts/seal/seal-v1.yaml}. The hub never holds a seal key: it computes the SM3 digest of what must be
 * signed and asks the service for a GB/T 38540 {@code SES_Signature}, which it checks before use.
 *
 * <pre>{@code
 * SealClient seals = SealClient.builder().endpoint(URI.create("http://127.0.0.1:8090/seal"))
 *         .signer(TifRequestSigner.of(credentials)).build();
 * byte[] sealed = seals.seal(DecisionOfdWriter.write(decision), "SEAL-SWSCJG-001", "44150001");
 * SealVerificationReport report = SealVerifier.using(trust).verify(sealed, decision.collectingUnit());
 * }</pre>
 *
 * <p>Thread-safe and immutable. Signing is not idempotent at the provider: the caller (routes) reconciles before
 * any retry.
 */
public final class SealClient {

    static {
        JdkSaxParser.ensureNamed();
    }

    /** Provider code carried by exceptions. */
    public static final String PROVIDER = "seal";
    /** Operation names carried by exceptions. */
    public static final String FETCH_SEAL = "fetchSeal";
    public static final String SIGN = "sign";
    public static final String SEAL_DOCUMENT = "sealDocument";
    public static final String FIND_SIGNATURE = "findSignature";
    public static final String EMBED_SIGNATURE = "embedSignature";
    /** Provider code of a lookup by business key that found no signature (HTTP 404). */
    public static final String SIGNATURE_NOT_FOUND = "SIGNATURE_NOT_FOUND";

    private static final Pattern SEAL_ID = Pattern.compile("[0-9A-Za-z_-]{4,64}");
    private static final Pattern SIGNER_ID = Pattern.compile("[0-9A-Za-z._-]{1,64}");
    private static final Pattern BUSINESS_KEY = Pattern.compile("[0-9A-Za-z._:-]{1,64}");
    private static final int MAX_DOCUMENT_BYTES = SealVerifier.MAX_DOCUMENT_BYTES;
    private static final Provider BC = new BouncyCastleProvider();

    private final RestTransport transport;

    private SealClient(RestTransport transport) {
        this.transport = transport;
    }

    /** Starts a builder; endpoint and signer are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The seal with id {@code sealId}, its SESeal checked to parse and to carry that id. */
    public SealInfo fetchSeal(String sealId) {
        requireSealId(FETCH_SEAL, sealId);
        JsonFields fields = new JsonFields(PROVIDER, FETCH_SEAL);
        JsonNode answer = transport.getJson(FETCH_SEAL, "/v1/seals/" + RestTransport.encode(sealId));
        if (!sealId.equals(fields.text(answer, "sealId", 64))) {
            throw fields.invalid("sealId is not the one asked about");
        }
        byte[] seal = base64(fields, answer, "seal");
        String esId;
        try {
            esId = SesParser.seal(seal).esId();
        } catch (RuntimeException e) {
            throw fields.invalid("seal is not a GB/T 38540 v4 SESeal: " + e.getMessage());
        }
        if (!sealId.equals(esId)) {
            throw fields.invalid("seal.esID is not " + sealId);
        }
        Instant start = fields.instant(answer, "validStart");
        Instant end = fields.instant(answer, "validEnd");
        if (end.isBefore(start)) {
            throw fields.invalid("validEnd is before validStart");
        }
        return new SealInfo(sealId, fields.text(answer, "sealName", 128), fields.text(answer, "unitName", 128),
                start, end, seal);
    }

    /**
     * Asks the service to sign an SM3 digest with a seal (电子签章), returning the DER {@code SES_Signature}. The answer
     * is checked: it parses, signs exactly {@code dataHash}, and uses the seal asked for.
     *
     * @param sealId       the seal
     * @param signerId     who signs (the officer's id)
     * @param dataHash     SM3 digest of the data to protect, 32 bytes
     * @param propertyInfo the signature's property info (e.g. the document's path in the OFD)
     */
    public byte[] sign(String sealId, String signerId, byte[] dataHash, String propertyInfo) {
        return sign(sealId, signerId, dataHash, propertyInfo, null);
    }

    /**
     * As {@link #sign(String, String, byte[], String)}, telling the service our business key, by which
     * {@link #findSignature} finds the signature again. The service cannot deduplicate: the key is for reconciling
     * before a retry, never a guard against a second signature.
     *
     * @param businessKey null, or 1-64 letters, digits and {@code . _ : -}
     */
    public byte[] sign(String sealId, String signerId, byte[] dataHash, String propertyInfo, String businessKey) {
        return post(sealId, signerId, dataHash, propertyInfo, businessKey).ses();
    }

    /**
     * As {@link #sign(String, String, byte[], String, String)}, with the service's id of the signature from the same
     * answer (no second call to learn it).
     */
    public SignatureMade signUnder(String sealId, String signerId, byte[] dataHash, String propertyInfo,
                                   String businessKey) {
        if (businessKey == null) {
            throw new AdapterValidationException(PROVIDER, SIGN, "businessKey", "is required to sign under a key");
        }
        Signed signed = post(sealId, signerId, dataHash, propertyInfo, businessKey);
        return new SignatureMade(signed.signatureId(), sealId, businessKey, null, signed.ses());
    }

    private record Signed(String signatureId, byte[] ses) {
    }

    private Signed post(String sealId, String signerId, byte[] dataHash, String propertyInfo, String businessKey) {
        requireSealId(SIGN, sealId);
        if (businessKey != null) {
            requireBusinessKey(SIGN, businessKey);
        }
        requireSignerId(SIGN, signerId);
        if (dataHash == null || dataHash.length != 32) {
            throw new AdapterValidationException(PROVIDER, SIGN, "dataHash", "must be an SM3 digest of 32 bytes");
        }
        if (propertyInfo == null || propertyInfo.length() > 512 || !propertyInfo.chars().allMatch(c -> c < 0x80)) {
            throw new AdapterValidationException(PROVIDER, SIGN, "propertyInfo", "must be up to 512 ASCII characters");
        }
        JsonFields fields = new JsonFields(PROVIDER, SIGN);
        var body = transport.mapper().createObjectNode().put("sealId", sealId).put("signerId", signerId)
                .put("dataHash", Base64.getEncoder().encodeToString(dataHash)).put("propertyInfo", propertyInfo);
        if (businessKey != null) {
            body.put("businessKey", businessKey);
        }
        JsonNode answer = transport.postJson(SIGN, "/v1/signatures", body, Map.of());
        String signatureId = fields.text(answer, "signatureId", 64);
        byte[] ses = base64(fields, answer, "sesSignature");
        SesParser.Signature signed = parseSignature(fields, ses, sealId);
        if (!Arrays.equals(signed.dataHash(), dataHash)) {
            throw fields.invalid("sesSignature signs another digest than the one sent");
        }
        return new Signed(signatureId, ses);
    }

    /**
     * Reconcile before retry: the signature the service made for our {@code businessKey}, if any (the first one, if a
     * caller ever signed twice under one key). The answer is checked: it echoes the key and carries a parsable
     * {@code SES_Signature} of the seal it names.
     *
     * @return empty when the service answers {@value #SIGNATURE_NOT_FOUND}
     */
    public java.util.Optional<SignatureMade> findSignature(String businessKey) {
        requireBusinessKey(FIND_SIGNATURE, businessKey);
        JsonFields fields = new JsonFields(PROVIDER, FIND_SIGNATURE);
        return RestTransport.emptyWhenRefusedWith(SIGNATURE_NOT_FOUND, () -> transport.getJson(FIND_SIGNATURE,
                "/v1/signatures" + RestTransport.query(Map.of("businessKey", businessKey)))).map(answer -> {
                    if (!businessKey.equals(fields.text(answer, "businessKey", 64))) {
                        throw fields.invalid("businessKey is not the one asked about");
                    }
                    String sealId = fields.text(answer, "sealId", 64);
                    byte[] ses = base64(fields, answer, "sesSignature");
                    parseSignature(fields, ses, sealId);
                    String signedAt = JsonFields.optionalText(answer, "signedAt");
                    return new SignatureMade(fields.text(answer, "signatureId", 64), sealId, businessKey,
                            signedAt == null ? null : fields.instant(answer, "signedAt"), ses);
                });
    }

    private static SesParser.Signature parseSignature(JsonFields fields, byte[] ses, String sealId) {
        SesParser.Signature signed;
        try {
            signed = SesParser.signature(ses);
        } catch (RuntimeException e) {
            throw fields.invalid("sesSignature is not a GB/T 38540 v4 SES_Signature: " + e.getMessage());
        }
        if (!sealId.equals(signed.seal().esId())) {
            throw fields.invalid("sesSignature uses seal " + signed.seal().esId() + ", not " + sealId);
        }
        return signed;
    }

    /**
     * Seals an OFD document: protects all its files with a signature (Signature.xml), has it signed by the seal
     * service, and places the seal's appearance on page 1 at {@link OfficialDocumentOfdWriter#SEAL_POSITION}.
     *
     * @return the sealed OFD
     * @throws AdapterValidationException the document is empty, too large, or not an OFD, or {@code signerId} is malformed
     *                                    (checked before anything is sent)
     */
    public byte[] seal(byte[] ofd, String sealId, String signerId) {
        return seal(ofd, sealId, signerId, null, fresh -> fresh);
    }

    /**
     * As {@link #seal(byte[], String, String)}, under our {@code businessKey} (see {@link #findSignature}), for a caller
     * that may have to reconcile. Before the request leaves, {@code keep} is handed what is about to be signed and
     * answers what must be signed: the same, kept durably, on a first attempt; on a later attempt, what an earlier
     * attempt kept (ofdrw stamps each new {@code Signature.xml} with the time, so only the kept bytes let every
     * signature made under the key fit the document, {@link #embed}). The document returned carries the kept bytes.
     * If {@code keep} throws, nothing is sent and its exception is thrown unchanged.
     */
    public byte[] seal(byte[] ofd, String sealId, String signerId, String businessKey,
                       java.util.function.UnaryOperator<SignedContent> keep) {
        requireSealId(SEAL_DOCUMENT, sealId);
        requireSignerId(SEAL_DOCUMENT, signerId);
        if (businessKey != null) {
            requireBusinessKey(SEAL_DOCUMENT, businessKey);
        }
        java.util.Objects.requireNonNull(keep, "keep");
        requireDocument(SEAL_DOCUMENT, ofd);
        SealInfo seal = fetchSeal(sealId);
        SignedContent[] signed = new SignedContent[2];
        byte[] sealed = runSigner(SEAL_DOCUMENT, ofd, new RemoteContainer(seal) {
            @Override
            byte[] sign(byte[] signatureXml, String propertyInfo) {
                SignedContent fresh = new SignedContent(propertyInfo, signatureXml);
                SignedContent kept;
                try {
                    kept = keep.apply(fresh);
                } catch (RuntimeException e) {
                    throw new CallerFailed(e);
                }
                if (kept == null || !kept.path().equals(propertyInfo)) {
                    throw new AdapterValidationException(PROVIDER, SEAL_DOCUMENT, "keep",
                            "must answer the content to sign at " + propertyInfo + ", not " + kept);
                }
                signed[0] = fresh;
                signed[1] = kept;
                return SealClient.this.sign(seal.sealId(), signerId, digest(kept.signatureXml()), propertyInfo,
                        businessKey);
            }
        });
        return signed[1].equals(signed[0]) ? sealed
                : replaceEntry(SEAL_DOCUMENT, sealed, signed[1].path().substring(1), signed[1].signatureXml());
    }

    /**
     * Rebuilds the sealed document around a signature the service already made ({@link #findSignature}) for
     * {@code content}, as kept by {@link #seal(byte[], String, String, String, java.util.function.UnaryOperator)}: nothing
     * is signed again. Only the seal's description is read from the service.
     *
     * @throws AdapterValidationException the signature does not sign {@code content} with {@code sealId}, or the
     *                                    document cannot be rebuilt with {@code content} at the same path
     */
    public byte[] embed(byte[] ofd, String sealId, SignedContent content, byte[] sesSignature) {
        requireSealId(EMBED_SIGNATURE, sealId);
        requireDocument(EMBED_SIGNATURE, ofd);
        java.util.Objects.requireNonNull(content, "content");
        SesParser.Signature signed;
        try {
            signed = SesParser.signature(sesSignature);
        } catch (RuntimeException e) {
            throw new AdapterValidationException(PROVIDER, EMBED_SIGNATURE, "sesSignature",
                    "is not a GB/T 38540 v4 SES_Signature: " + e.getMessage());
        }
        if (!sealId.equals(signed.seal().esId()) || !Arrays.equals(signed.dataHash(), digest(content.signatureXml()))) {
            throw new AdapterValidationException(PROVIDER, EMBED_SIGNATURE, "sesSignature",
                    "does not sign the kept Signature.xml with seal " + sealId);
        }
        SealInfo seal = fetchSeal(sealId);
        String[] path = new String[1];
        byte[] rebuilt = runSigner(EMBED_SIGNATURE, ofd, new RemoteContainer(seal) {
            @Override
            byte[] sign(byte[] signatureXml, String propertyInfo) {
                path[0] = propertyInfo;
                return sesSignature.clone();
            }
        });
        if (!content.path().equals(path[0])) {
            throw new AdapterValidationException(PROVIDER, EMBED_SIGNATURE, "content",
                    "was signed at " + content.path() + " but the document now signs at " + path[0]);
        }
        // ofdrw wrote a Signature.xml of its own (stamped with the current time): put back the one that was signed.
        return replaceEntry(EMBED_SIGNATURE, rebuilt, content.path().substring(1), content.signatureXml());
    }

    private byte[] runSigner(String operation, byte[] ofd, RemoteContainer container) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(ofd));
             OFDSigner signer = new OFDSigner(reader, out)) {
            double[] at = OfficialDocumentOfdWriter.SEAL_POSITION;
            signer.setSignMode(SignMode.WholeProtected)
                    .setSignContainer(container)
                    .addApPos(new NormalStampPos(1, at[0], at[1], at[2], at[3]));
            signer.exeSign();
        } catch (ProviderException e) {
            throw e;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CallerFailed failed) {
                    throw (RuntimeException) failed.getCause();
                }
            }
            Throwable cause = e.getCause();
            if (cause instanceof ProviderException provider) {
                throw provider;
            }
            throw new AdapterValidationException(PROVIDER, operation, "ofd", "cannot be sealed: " + e);
        }
        return out.toByteArray();
    }

    private static byte[] replaceEntry(String operation, byte[] zip, String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean replaced = false;
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip));
             var zipOut = new java.util.zip.ZipOutputStream(out)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zipOut.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    zipOut.write(content);
                    replaced = true;
                } else {
                    in.transferTo(zipOut);
                }
                zipOut.closeEntry();
            }
        } catch (IOException e) {
            throw new AdapterValidationException(PROVIDER, operation, "ofd", "cannot be rewritten: " + e);
        }
        if (!replaced) {
            throw new AdapterValidationException(PROVIDER, operation, "content", "no entry " + name);
        }
        return out.toByteArray();
    }

    private static void requireDocument(String operation, byte[] ofd) {
        if (ofd == null || ofd.length == 0 || ofd.length > MAX_DOCUMENT_BYTES) {
            throw new AdapterValidationException(PROVIDER, operation, "ofd", "must be 1 byte to 32 MiB");
        }
    }

    private static byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance("SM3", BC).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bouncy Castle provides SM3", e);
        }
    }

    @Override
    public String toString() {
        return "SealClient[" + transport.endpoint() + "]";
    }

    private static void requireSealId(String operation, String sealId) {
        if (sealId == null || !SEAL_ID.matcher(sealId).matches()) {
            throw new AdapterValidationException(PROVIDER, operation, "sealId", "must be 4-64 letters, digits, '_' or '-'");
        }
    }

    private static void requireSignerId(String operation, String signerId) {
        if (signerId == null || !SIGNER_ID.matcher(signerId).matches()) {
            throw new AdapterValidationException(PROVIDER, operation, "signerId", "must be 1-64 letters, digits, '.', '_' or '-'");
        }
    }

    private static void requireBusinessKey(String operation, String businessKey) {
        if (businessKey == null || !BUSINESS_KEY.matcher(businessKey).matches()) {
            throw new AdapterValidationException(PROVIDER, operation, "businessKey",
                    "must be 1-64 letters, digits, '.', '_', ':' or '-'");
        }
    }

    private static byte[] base64(JsonFields fields, JsonNode answer, String field) {
        try {
            return Base64.getDecoder().decode(fields.text(answer, field, 4 * 1024 * 1024));
        } catch (IllegalArgumentException e) {
            throw fields.invalid(field + " is not base64");
        }
    }

    /** The caller's own failure inside ofdrw's signing, carried out unchanged (it is not the document's fault). */
    private static final class CallerFailed extends RuntimeException {
        CallerFailed(RuntimeException cause) {
            super(cause);
        }
    }

    /** ofdrw's signing hook: what happens to the bytes of Signature.xml is the subclass's. */
    private abstract static class RemoteContainer implements ExtendSignatureContainer {

        private final SealInfo seal;

        RemoteContainer(SealInfo seal) {
            this.seal = seal;
        }

        /** The DER SES_Signature over SM3({@code signatureXml}). */
        abstract byte[] sign(byte[] signatureXml, String propertyInfo);

        @Override
        public MessageDigest getDigestFnc() {
            try {
                return MessageDigest.getInstance("SM3", BC);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Bouncy Castle provides SM3", e);
            }
        }

        @Override
        public org.bouncycastle.asn1.ASN1ObjectIdentifier getSignAlgOID() {
            return org.bouncycastle.asn1.gm.GMObjectIdentifiers.sm2sign_with_sm3;
        }

        @Override
        public byte[] sign(InputStream inData, String propertyInfo) throws IOException {
            return sign(inData.readAllBytes(), propertyInfo);
        }

        @Override
        public byte[] getSeal() {
            return seal.seal();
        }

        @Override
        public SigType getSignType() {
            return SigType.Seal;
        }
    }

    /** Builds a {@link SealClient}; not thread-safe, use once. */
    public static final class Builder extends TifClientBuilder<Builder> {

        private Builder() {
            super(1024 * 1024);
        }

        /** @throws IllegalArgumentException naming the first missing or bad setting */
        public SealClient build() {
            return new SealClient(transport(PROVIDER));
        }
    }
}
