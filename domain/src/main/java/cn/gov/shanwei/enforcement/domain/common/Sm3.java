package cn.gov.shanwei.enforcement.domain.common;

import org.bouncycastle.crypto.digests.SM3Digest;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An SM3 digest (GB/T 32905) as 64 lower-case hex characters; computed with Bouncy Castle's lightweight
 * {@link SM3Digest} (ADR 0101).
 *
 * @param hex the digest in lower-case hex
 */
public record Sm3(String hex) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Sm3 {
        Objects.requireNonNull(hex, "hex");
        if (!HEX.matcher(hex).matches()) {
            throw new DomainValidationException("sm3", "must be 64 lower-case hex characters");
        }
    }

    /** The digest of {@code bytes}. */
    public static Sm3 of(byte[] bytes) {
        SM3Digest digest = new SM3Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return new Sm3(HexFormat.of().formatHex(out));
    }

    /** The digest of {@code text} encoded as UTF-8. */
    public static Sm3 ofUtf8(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return hex;
    }
}
