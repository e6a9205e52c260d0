package cn.gov.shanwei.enforcement.cases.shared;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Encrypts personal identifiers (身份证号, phone numbers) and event payloads at rest with SM4 (GB/T 32907) in GCM
 * mode, through Bouncy Castle's lightweight API (no JCA provider is registered). The stored text is
 * {@code sm4gcm1:<base64(12-byte nonce ‖ ciphertext ‖ 16-byte tag)>}; the prefix names the scheme so that a later key
 * or scheme can be introduced beside it.
 *
 * <p>Thread-safe: a cipher object is created per call.
 */
public final class FieldCipher {

    private static final String PREFIX = "sm4gcm1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final byte[] key;
    private final byte[] indexKey;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param hexKey the 128-bit SM4 key as 32 hex characters
     * @throws IllegalArgumentException when the key is missing or not 32 hex characters
     */
    public FieldCipher(String hexKey) {
        if (hexKey == null || !hexKey.matches("[0-9a-fA-F]{32}")) {
            throw new IllegalArgumentException("hub.cases.crypto.sm4-key must be a 128-bit SM4 key as 32 hex "
                    + "characters");
        }
        this.key = HexFormat.of().parseHex(hexKey);
        this.indexKey = derive(key, "hub.cases.index.v1");
    }

    /** Encrypts {@code plain}; null stays null. */
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] input = plain.getBytes(StandardCharsets.UTF_8);
        GCMModeCipher gcm = cipher(true, nonce);
        byte[] out = new byte[gcm.getOutputSize(input.length)];
        int n = gcm.processBytes(input, 0, input.length, out, 0);
        try {
            gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM encryption failed", e);
        }
        byte[] stored = new byte[NONCE_BYTES + out.length];
        System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
        System.arraycopy(out, 0, stored, NONCE_BYTES, out.length);
        return PREFIX + Base64.getEncoder().encodeToString(stored);
    }

    /**
     * Decrypts what {@link #encrypt} produced; null stays null.
     *
     * @throws TamperedDataException when the text was not made with this key or was altered
     */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new TamperedDataException("an encrypted field does not carry the " + PREFIX + " scheme");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new TamperedDataException("an encrypted field is not base64");
        }
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new TamperedDataException("an encrypted field is too short");
        }
        byte[] nonce = Arrays.copyOf(all, NONCE_BYTES);
        GCMModeCipher gcm = cipher(false, nonce);
        byte[] out = new byte[gcm.getOutputSize(all.length - NONCE_BYTES)];
        int n = gcm.processBytes(all, NONCE_BYTES, all.length - NONCE_BYTES, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new TamperedDataException("an encrypted field fails its SM4-GCM tag: altered, or another key");
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * A keyed SM3 (HMAC-SM3) of {@code plain} as 64 hex characters: equal identifiers give equal indexes, so a query
     * can match an identifier without storing it readable; without the key the index cannot be brute-forced from
     * the few plausible identifiers. Uses a key derived from the SM4 key, never the SM4 key itself.
     */
    public String index(String plain) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(indexKey));
        byte[] input = plain.getBytes(StandardCharsets.UTF_8);
        mac.update(input, 0, input.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    private static byte[] derive(byte[] key, String label) {
        SM3Digest sm3 = new SM3Digest();
        byte[] l = label.getBytes(StandardCharsets.UTF_8);
        sm3.update(l, 0, l.length);
        sm3.update(key, 0, key.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return out;
    }

    private GCMModeCipher cipher(boolean encrypt, byte[] nonce) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, Objects.requireNonNull(nonce)));
        return gcm;
    }

    @Override
    public String toString() {
        return "FieldCipher[SM4-GCM, key hidden]";
    }
}
