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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Encrypts personal identifiers (身份证号, phone numbers) and event payloads at rest with SM4 (GB/T 32907) in GCM
 * mode, through Bouncy Castle's lightweight API (no JCA provider is registered). The stored text names the key it was
 * made with: {@code sm4gcm2:<key id>:<base64(12-byte nonce ‖ ciphertext ‖ 16-byte tag)>}, the key id being
 * {@link #keyId(String) a short SM3 fingerprint of the key}, never the key. Values of the first scheme,
 * {@code sm4gcm1:<base64(…)>} without a key id, stay readable: each configured key is tried and GCM's tag tells which
 * one opens it.
 *
 * <p>Key rotation (密钥轮换, ADR 0503): the current key encrypts; retired keys only decrypt, until the re-encryption
 * job ({@link Reencryption}) has moved every stored value to the current key. The blind index ({@link #index}) has its
 * own key, which a rotation of the SM4 key does not change; it is rotated on its own (retired index keys only match,
 * until {@link PartyReindex} has rewritten every index under the current one).
 *
 * <p>Thread-safe: a cipher object is created per call.
 */
public final class FieldCipher {

    private static final String LEGACY_PREFIX = "sm4gcm1:";
    private static final String PREFIX = "sm4gcm2:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_ID_BYTES = 4;
    private static final String KEY_PATTERN = "[0-9a-fA-F]{32}";
    /**
     * How many retired index keys may be configured: each one adds a value to every lookup by identifier
     * ({@code party_index IN (…)}), so the list stays short; a rotation needs one.
     */
    public static final int MAX_RETIRED_INDEX_KEYS = 3;

    private final String currentId;
    /** Every configured key by id, the current one first, then the retired ones in their configured order. */
    private final Map<String, byte[]> keys;
    /** Every configured index key's derived HMAC key by id, the current one first, then the retired ones. */
    private final Map<String, byte[]> indexKeys;
    private final String indexKeyId;
    private final SecureRandom random = new SecureRandom();

    /**
     * One key, nothing retired, the index derived from that key: the case platform's {@code hub.cases.crypto}
     * before any rotation.
     *
     * @param hexKey the 128-bit SM4 key as 32 hex characters
     * @throws IllegalArgumentException when the key is missing or not 32 hex characters
     */
    public FieldCipher(String hexKey) {
        this("hub.cases.crypto", hexKey, List.of(), null);
    }

    /**
     * @param setting     the settings' prefix, named in start-up errors (e.g. {@code hub.cases.crypto}): its
     *                    {@code sm4-key}, {@code retired-sm4-keys} and {@code index-key}
     * @param currentKey  the key that encrypts, 32 hex characters
     * @param retiredKeys keys that only decrypt, each 32 hex characters; none may repeat another configured key
     * @param indexKey    the key the blind index is derived from, 32 hex characters; null derives it from
     *                    {@code currentKey} (as before key rotation existed)
     * @throws IllegalArgumentException naming the setting when a key is missing, malformed or repeated
     */
    public FieldCipher(String setting, String currentKey, List<String> retiredKeys, String indexKey) {
        this(setting, currentKey, retiredKeys, indexKey, List.of());
    }

    /**
     * @param setting          the settings' prefix, named in start-up errors, as above (and its
     *                         {@code retired-index-keys})
     * @param currentKey       the key that encrypts
     * @param retiredKeys      keys that only decrypt
     * @param indexKey         the key the blind index is made with; null derives it from {@code currentKey}
     * @param retiredIndexKeys index keys that only match (a re-index after a rotation of the index key, ADR 0503): at
     *                         most {@value #MAX_RETIRED_INDEX_KEYS}, each 32 hex characters, none repeating the index
     *                         key or another retired index key
     * @throws IllegalArgumentException naming the setting when a key is missing, malformed or repeated, or when more
     *                                  than {@value #MAX_RETIRED_INDEX_KEYS} retired index keys are configured
     */
    public FieldCipher(String setting, String currentKey, List<String> retiredKeys, String indexKey,
                       List<String> retiredIndexKeys) {
        byte[] current = parse(currentKey, setting + ".sm4-key");
        this.currentId = keyId(current);
        this.keys = keyring(current, setting + ".sm4-key", retiredKeys, setting + ".retired-sm4-keys", "key",
                key -> key);
        byte[] index = indexKey == null ? current : parse(indexKey, setting + ".index-key");
        this.indexKeyId = keyId(index);
        List<String> retiredIndex = retiredIndexKeys == null ? List.of() : retiredIndexKeys;
        if (retiredIndex.size() > MAX_RETIRED_INDEX_KEYS) {
            throw new IllegalArgumentException(setting + ".retired-index-keys holds " + retiredIndex.size()
                    + " keys, at most " + MAX_RETIRED_INDEX_KEYS + ": every search by identifier matches each of them "
                    + "until the re-index is done; run it and remove the keys it no longer needs");
        }
        this.indexKeys = keyring(index, "the index key (" + setting + ".index-key, or " + setting
                + ".sm4-key when that is not set)", retiredIndex, setting + ".retired-index-keys", "index key",
                key -> derive(key, "hub.cases.index.v1"));
    }

    /**
     * The first key, then the further ones, each by its id and kept as {@code kept} makes it; refuses a malformed or
     * repeated key, naming its setting ({@code list[i]}) and never the key.
     */
    private static Map<String, byte[]> keyring(byte[] first, String firstName, List<String> further, String list,
                                               String what, UnaryOperator<byte[]> kept) {
        Map<String, byte[]> ring = new LinkedHashMap<>();
        String firstId = keyId(first);
        ring.put(firstId, kept.apply(first));
        List<String> more = further == null ? List.of() : further;
        for (int i = 0; i < more.size(); i++) {
            String name = list + "[" + i + "]";
            byte[] key = parse(more.get(i), name);
            String id = keyId(key);
            if (ring.containsKey(id)) {
                throw new IllegalArgumentException(name + " repeats key " + id + ", already configured as "
                        + (id.equals(firstId) ? firstName : "an earlier retired " + what));
            }
            ring.put(id, kept.apply(key));
        }
        return ring;
    }

    private static byte[] parse(String hexKey, String setting) {
        if (hexKey == null || !hexKey.strip().matches(KEY_PATTERN)) {
            throw new IllegalArgumentException(setting + " must be a 128-bit SM4 key as 32 hex characters");
        }
        return HexFormat.of().parseHex(hexKey.strip());
    }

    /**
     * The id a key is named by in stored values: the first 4 bytes of SM3("hub.crypto.key-id.v1" ‖ key) as 8 hex
     * characters. Safe to log and print; it cannot be turned back into the key.
     *
     * @throws IllegalArgumentException when the key is not 32 hex characters
     */
    public static String keyId(String hexKey) {
        return keyId(parse(hexKey, "the key"));
    }

    private static String keyId(byte[] key) {
        return HexFormat.of().formatHex(derive(key, "hub.crypto.key-id.v1"), 0, KEY_ID_BYTES);
    }

    /** The id of the key that encrypts. */
    public String currentKeyId() {
        return currentId;
    }

    /** The ids of the keys that only decrypt, in their configured order. */
    public List<String> retiredKeyIds() {
        return List.copyOf(new ArrayList<>(keys.keySet()).subList(1, keys.size()));
    }

    /** How every value under the current key begins: {@code sm4gcm2:<current key id>:}. */
    public String currentPrefix() {
        return PREFIX + currentId + ":";
    }

    /** Whether {@code stored} is null or already under the current key (nothing for re-encryption to do). */
    public boolean isCurrent(String stored) {
        return stored == null || stored.startsWith(currentPrefix());
    }

    /**
     * The same clear text encrypted under the current key; null stays null.
     *
     * @throws TamperedDataException when {@code stored} does not decrypt under any configured key
     */
    public String reencrypt(String stored) {
        return encrypt(decrypt(stored));
    }

    /** Encrypts {@code plain} under the current key; null stays null. */
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] input = plain.getBytes(StandardCharsets.UTF_8);
        GCMModeCipher gcm = cipher(keys.get(currentId), true, nonce);
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
        return currentPrefix() + Base64.getEncoder().encodeToString(stored);
    }

    /**
     * Decrypts what {@link #encrypt} produced, under whichever configured key it names (an {@code sm4gcm1:} value:
     * under whichever configured key opens it); null stays null.
     *
     * @throws TamperedDataException when the text was altered, names a key that is not configured, or (an
     *                               {@code sm4gcm1:} value) opens under none of the configured keys
     */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.startsWith(LEGACY_PREFIX)) {
            byte[] all = bytes(stored.substring(LEGACY_PREFIX.length()));
            for (byte[] key : keys.values()) {
                String plain = open(key, all);
                if (plain != null) {
                    return plain;
                }
            }
            throw new TamperedDataException("an encrypted field (" + LEGACY_PREFIX + ", no key id) opens under none "
                    + "of the configured keys " + keys.keySet() + ": altered, or its key was removed");
        }
        if (!stored.startsWith(PREFIX)) {
            throw new TamperedDataException("an encrypted field carries neither the " + PREFIX + " nor the "
                    + LEGACY_PREFIX + " scheme");
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new TamperedDataException("an encrypted field of the " + PREFIX + " scheme names no key id");
        }
        String id = stored.substring(PREFIX.length(), colon);
        byte[] key = keys.get(id);
        if (key == null) {
            throw new TamperedDataException("an encrypted field names key " + printable(id) + ", which is not "
                    + "configured (current " + currentId + ", retired " + retiredKeyIds() + "): its key was removed "
                    + "before every value was re-encrypted, or the field was altered");
        }
        String plain = open(key, bytes(stored.substring(colon + 1)));
        if (plain == null) {
            throw new TamperedDataException("an encrypted field fails its SM4-GCM tag under key " + id
                    + ": altered");
        }
        return plain;
    }

    // A key id as read from storage, cut short and kept to hex so that an altered value cannot inject text.
    private static String printable(String id) {
        return id.length() <= 2 * KEY_ID_BYTES && id.matches("[0-9a-f]*") ? id : "(not a key id)";
    }

    private static byte[] bytes(String base64) {
        byte[] all;
        try {
            all = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new TamperedDataException("an encrypted field is not base64");
        }
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new TamperedDataException("an encrypted field is too short");
        }
        return all;
    }

    // The clear text, or null when the tag does not verify under this key.
    private static String open(byte[] key, byte[] all) {
        byte[] nonce = Arrays.copyOf(all, NONCE_BYTES);
        GCMModeCipher gcm = cipher(key, false, nonce);
        byte[] out = new byte[gcm.getOutputSize(all.length - NONCE_BYTES)];
        int n = gcm.processBytes(all, NONCE_BYTES, all.length - NONCE_BYTES, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            return null;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * A keyed SM3 (HMAC-SM3) of {@code plain} as 64 hex characters, under the current index key: equal identifiers
     * give equal indexes, so a query can match an identifier without storing it readable; without the key the index
     * cannot be brute-forced from the few plausible identifiers. Uses a key derived from the index key (by default the
     * SM4 key), never the SM4 key itself; it does not change when the SM4 key is rotated with the index key kept (ADR
     * 0503). Every write of an index uses this one.
     */
    public String index(String plain) {
        return index(indexKeys.get(indexKeyId), plain);
    }

    /**
     * What a lookup by {@code plain} must match: its index under the current index key, then under each retired
     * index key (a value written before the index key was rotated, not yet re-indexed). One value when no index key
     * is retired.
     */
    public List<String> indexes(String plain) {
        return indexKeys.values().stream().map(key -> index(key, plain)).toList();
    }

    /** The id ({@link #keyId(String)}) of the current index key, stored beside each index it made. */
    public String indexKeyId() {
        return indexKeyId;
    }

    /** The ids of the retired index keys, in their configured order. */
    public List<String> retiredIndexKeyIds() {
        return List.copyOf(new ArrayList<>(indexKeys.keySet()).subList(1, indexKeys.size()));
    }

    private static String index(byte[] key, String plain) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
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

    private static GCMModeCipher cipher(byte[] key, boolean encrypt, byte[] nonce) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, Objects.requireNonNull(nonce)));
        return gcm;
    }

    @Override
    public String toString() {
        return "FieldCipher[SM4-GCM, current key " + currentId + ", retired " + retiredKeyIds() + ", index key "
                + indexKeyId + ", retired " + retiredIndexKeyIds() + "]";
    }
}
