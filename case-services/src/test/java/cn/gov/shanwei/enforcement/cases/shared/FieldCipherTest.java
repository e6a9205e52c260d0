package cn.gov.shanwei.enforcement.cases.shared;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SM4-GCM with named keys: the current key encrypts, retired keys only decrypt, old values stay readable. */
class FieldCipherTest {

    static final String A = "00112233445566778899aabbccddeeff";
    static final String B = "ffeeddccbbaa99887766554433221100";
    static final String C = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final String ID_NUMBER = "441521199001011231";

    /** A value as the hub wrote it before key ids existed: sm4gcm1:base64(nonce ‖ ciphertext ‖ tag), no key id. */
    static String legacy(String hexKey, String plain) throws Exception {
        byte[] nonce = HexFormat.of().parseHex("0102030405060708090a0b0c");
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(true, new AEADParameters(new KeyParameter(HexFormat.of().parseHex(hexKey)), 128, nonce));
        byte[] input = plain.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[gcm.getOutputSize(input.length)];
        gcm.doFinal(out, gcm.processBytes(input, 0, input.length, out, 0));
        byte[] all = new byte[12 + out.length];
        System.arraycopy(nonce, 0, all, 0, 12);
        System.arraycopy(out, 0, all, 12, out.length);
        return "sm4gcm1:" + Base64.getEncoder().encodeToString(all);
    }

    static FieldCipher rotated(String current, String... retired) {
        return new FieldCipher("hub.cases.crypto", current, List.of(retired), A);
    }

    @Test
    void encrypt_namesTheCurrentKeyById_whichIsAnSm3FingerprintAndNotTheKey() {
        FieldCipher cipher = rotated(B, A);

        String stored = cipher.encrypt(ID_NUMBER);

        assertThat(cipher.currentKeyId()).matches("[0-9a-f]{8}").isEqualTo(FieldCipher.keyId(B))
                .isNotEqualTo(FieldCipher.keyId(A));
        assertThat(B).doesNotContain(cipher.currentKeyId());
        assertThat(stored).startsWith("sm4gcm2:" + FieldCipher.keyId(B) + ":").doesNotContain(ID_NUMBER);
        assertThat(cipher.isCurrent(stored)).isTrue();
        assertThat(cipher.decrypt(stored)).isEqualTo(ID_NUMBER);
        assertThat(cipher.toString()).doesNotContain(A).doesNotContain(B);
    }

    @Test
    void decrypt_readsTheFirstSchemeUnderWhicheverConfiguredKeyOpensIt() throws Exception {
        String old = legacy(A, ID_NUMBER);

        assertThat(new FieldCipher(A).decrypt(old)).isEqualTo(ID_NUMBER);
        assertThat(rotated(B, A).decrypt(old)).isEqualTo(ID_NUMBER);
        assertThat(rotated(B, C, A).decrypt(old)).isEqualTo(ID_NUMBER);
        assertThat(rotated(B, A).isCurrent(old)).isFalse();
        assertThatThrownBy(() -> rotated(B, C).decrypt(old)).isInstanceOf(TamperedDataException.class)
                .hasMessageContaining("sm4gcm1").hasMessageContaining("opens under none of the configured keys")
                .hasMessageContaining(FieldCipher.keyId(B)).hasMessageNotContaining(ID_NUMBER);
    }

    @Test
    void aRetiredKeyOnlyDecrypts_andReencryptMovesAValueToTheCurrentKey() {
        String underA = new FieldCipher(A).encrypt(ID_NUMBER);
        FieldCipher cipher = rotated(B, A);

        assertThat(cipher.decrypt(underA)).isEqualTo(ID_NUMBER);
        assertThat(cipher.isCurrent(underA)).isFalse();
        assertThat(cipher.retiredKeyIds()).containsExactly(FieldCipher.keyId(A));
        String moved = cipher.reencrypt(underA);
        assertThat(moved).startsWith(cipher.currentPrefix());
        assertThat(cipher.decrypt(moved)).isEqualTo(ID_NUMBER);
        assertThat(new FieldCipher(B).decrypt(moved)).isEqualTo(ID_NUMBER);
        assertThat(cipher.reencrypt(null)).isNull();
    }

    @Test
    void aValueUnderAKeyNoLongerConfigured_isTamperedData_namingTheMissingKeyIdButNotTheData() {
        String underA = new FieldCipher(A).encrypt(ID_NUMBER);

        assertThatThrownBy(() -> new FieldCipher(B).decrypt(underA)).isInstanceOf(TamperedDataException.class)
                .hasMessageContaining("names key " + FieldCipher.keyId(A))
                .hasMessageContaining("not configured").hasMessageNotContaining(ID_NUMBER);
    }

    @Test
    void anAlteredValueOrKeyId_isTamperedData() {
        FieldCipher cipher = rotated(B, A);
        String stored = cipher.encrypt(ID_NUMBER);
        char[] chars = stored.toCharArray();
        int inCiphertext = cipher.currentPrefix().length() + 20;
        chars[inCiphertext] = chars[inCiphertext] == 'A' ? 'B' : 'A';
        String otherId = stored.replace(FieldCipher.keyId(B), FieldCipher.keyId(A));

        assertThatThrownBy(() -> cipher.decrypt(new String(chars))).isInstanceOf(TamperedDataException.class)
                .hasMessageContaining("fails its SM4-GCM tag");
        assertThatThrownBy(() -> cipher.decrypt(otherId)).isInstanceOf(TamperedDataException.class)
                .hasMessageContaining("fails its SM4-GCM tag under key " + FieldCipher.keyId(A));
        assertThatThrownBy(() -> cipher.decrypt("sm4gcm2:<script>:AAAA")).isInstanceOf(TamperedDataException.class)
                .hasMessageContaining("(not a key id)").hasMessageNotContaining("<script>");
        assertThatThrownBy(() -> cipher.decrypt("plain text")).isInstanceOf(TamperedDataException.class);
        assertThatThrownBy(() -> cipher.decrypt("sm4gcm2:nokeyid")).isInstanceOf(TamperedDataException.class)
                .hasMessageContaining("names no key id");
    }

    @Test
    void theIndexDependsOnTheIndexKeyOnly_soARotationThatKeepsItLeavesEveryIndexAsItWas() {
        String before = new FieldCipher(A).index(ID_NUMBER);

        assertThat(rotated(B, A).index(ID_NUMBER)).isEqualTo(before);
        assertThat(new FieldCipher("hub.cases.crypto", B, List.of(), A).index(ID_NUMBER)).isEqualTo(before);
        assertThat(new FieldCipher(B).index(ID_NUMBER)).as("derived from another key").isNotEqualTo(before);
    }

    @Test
    void startUpRefusesMalformedMissingOrRepeatedKeys_namingTheSetting() {
        assertThatThrownBy(() -> new FieldCipher("hub.cases.crypto", null, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("hub.cases.crypto.sm4-key ");
        assertThatThrownBy(() -> rotated(B, "not-hex"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hub.cases.crypto.retired-sm4-keys[0] must be a 128-bit SM4 key")
                .hasMessageNotContaining("not-hex");
        assertThatThrownBy(() -> rotated(B, A, A.substring(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hub.cases.crypto.retired-sm4-keys[1]");
        assertThatThrownBy(() -> rotated(B, A, A.toUpperCase()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hub.cases.crypto.retired-sm4-keys[1] repeats key " + FieldCipher.keyId(A))
                .hasMessageNotContaining(A);
        assertThatThrownBy(() -> rotated(B, B))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hub.cases.crypto.sm4-key");
        assertThatThrownBy(() -> new FieldCipher("hub.message-log", A, List.of(), "short"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("hub.message-log.index-key");
    }

    @Test
    void aRetiredIndexKeyOnlyMatches_theCurrentIndexKeyWritesAndIsNamedById() {
        FieldCipher cipher = new FieldCipher("hub.cases.crypto", A, List.of(), C, List.of(A));

        assertThat(cipher.index(ID_NUMBER)).isEqualTo(new FieldCipher(C).index(ID_NUMBER));
        assertThat(cipher.indexes(ID_NUMBER)).containsExactly(new FieldCipher(C).index(ID_NUMBER),
                new FieldCipher(A).index(ID_NUMBER));
        assertThat(cipher.indexKeyId()).isEqualTo(FieldCipher.keyId(C));
        assertThat(cipher.retiredIndexKeyIds()).containsExactly(FieldCipher.keyId(A));
        assertThat(new FieldCipher(A).indexes(ID_NUMBER)).as("nothing retired: one value")
                .containsExactly(new FieldCipher(A).index(ID_NUMBER));
        assertThat(new FieldCipher(A).indexKeyId()).as("by default the SM4 key's").isEqualTo(FieldCipher.keyId(A));
    }

    @Test
    void startUpRefusesMalformedRepeatedOrTooManyRetiredIndexKeys_namingTheSetting() {
        assertThatThrownBy(() -> new FieldCipher("hub.cases.crypto", A, List.of(), C, List.of("not-hex")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hub.cases.crypto.retired-index-keys[0] must be a 128-bit SM4 key")
                .hasMessageNotContaining("not-hex");
        assertThatThrownBy(() -> new FieldCipher("hub.cases.crypto", A, List.of(), C, List.of(C.toUpperCase())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hub.cases.crypto.retired-index-keys[0] repeats key " + FieldCipher.keyId(C))
                .hasMessageContaining("hub.cases.crypto.index-key").hasMessageNotContaining(C);
        assertThatThrownBy(() -> new FieldCipher("hub.cases.crypto", A, List.of(), C, List.of(A, B, A)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hub.cases.crypto.retired-index-keys[2] repeats key " + FieldCipher.keyId(A))
                .hasMessageContaining("an earlier retired index key");
        assertThatThrownBy(() -> new FieldCipher("hub.cases.crypto", A, List.of(), C,
                List.of(A, B, "11112222333344445555666677778888", "99990000aaaabbbbccccddddeeeeffff")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hub.cases.crypto.retired-index-keys holds 4 keys, at most 3");
    }

    @Test
    void everyEncryptionUsesAFreshNonce() {
        FieldCipher cipher = new FieldCipher(A);
        String one = cipher.encrypt(ID_NUMBER);
        String two = cipher.encrypt(ID_NUMBER);

        assertThat(one).isNotEqualTo(two);
        assertThat(Arrays.asList(cipher.decrypt(one), cipher.decrypt(two))).containsOnly(ID_NUMBER);
    }
}
