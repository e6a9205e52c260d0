package cn.gov.shanwei.enforcement.app.supervision;

import org.bouncycastle.jcajce.provider.asymmetric.ec.BCECPrivateKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECPublicKeySpec;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Signs stored monthly reports with the hub's own SM2 key (SM3withSM2 over the OFD bytes) so a stored report can be
 * checked for changes. This is the hub's integrity signature, <b>not</b> an electronic seal (电子印章, GB/T 38540):
 * a sealed report goes through the seal service's workflow (ADR 0606).
 */
public final class ReportSigner {

    /** The signature algorithm recorded with each report. */
    public static final String ALGORITHM = "SM3withSM2";

    private static final Provider BC = new BouncyCastleProvider();

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final boolean generated;

    private ReportSigner(PrivateKey privateKey, PublicKey publicKey, boolean generated) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.generated = generated;
    }

    /**
     * The signer of {@code pkcs8Base64} (an SM2 private key, PKCS#8 DER in base64), or of a key generated now when it
     * is blank (a test key: reports stay verifiable by the public key stored with each, but not across a key that
     * nobody configured).
     *
     * @throws IllegalStateException if the key cannot be read as an SM2 private key
     */
    public static ReportSigner of(String pkcs8Base64) {
        try {
            if (pkcs8Base64 == null || pkcs8Base64.isBlank()) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
                generator.initialize(new ECGenParameterSpec("sm2p256v1"));
                KeyPair pair = generator.generateKeyPair();
                return new ReportSigner(pair.getPrivate(), pair.getPublic(), true);
            }
            KeyFactory factory = KeyFactory.getInstance("EC", BC);
            PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(pkcs8Base64.trim())));
            if (!(key instanceof BCECPrivateKey ec)) {
                throw new IllegalStateException("hub.supervision.report.signing-key is not an EC (SM2) key");
            }
            PublicKey pub = factory.generatePublic(new ECPublicKeySpec(ec.getParameters().getG().multiply(ec.getD())
                    .normalize(), ec.getParameters()));
            return new ReportSigner(key, pub, false);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("hub.supervision.report.signing-key cannot be read as an SM2 private key"
                    + " (PKCS#8 DER, base64): " + e.getMessage(), e);
        }
    }

    /** Whether the key was generated at start-up (none configured). */
    public boolean generated() {
        return generated;
    }

    /** The public key, X.509 SubjectPublicKeyInfo DER. */
    public byte[] publicKey() {
        return publicKey.getEncoded();
    }

    /** The SM3withSM2 signature of {@code document}. */
    public byte[] sign(byte[] document) {
        try {
            Signature s = Signature.getInstance(ALGORITHM, BC);
            s.initSign(privateKey);
            s.update(document);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the report could not be signed", e);
        }
    }

    /** Whether {@code signature} over {@code document} verifies with {@code publicKeyDer}. */
    public static boolean verify(byte[] document, byte[] signature, byte[] publicKeyDer) {
        try {
            PublicKey key = KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(publicKeyDer));
            Signature s = Signature.getInstance(ALGORITHM, BC);
            s.initVerify(key);
            s.update(document);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
