package cn.gov.shanwei.enforcement.contracts.sandbox;

import org.bouncycastle.crypto.digests.SM3Digest;

import java.util.HexFormat;

/** SM3 (GB/T 32905) digests for sandbox answers, with Bouncy Castle. */
final class SandboxSm3 {

    private SandboxSm3() {
    }

    /** The SM3 digest of {@code data}. */
    static byte[] digest(byte[] data) {
        SM3Digest sm3 = new SM3Digest();
        sm3.update(data, 0, data.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return out;
    }

    /** The SM3 digest of {@code data}, lower-case hex. */
    static String hex(byte[] data) {
        return HexFormat.of().formatHex(digest(data));
    }
}
