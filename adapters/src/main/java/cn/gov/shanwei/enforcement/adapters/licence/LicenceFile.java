package cn.gov.shanwei.enforcement.adapters.licence;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A licence's archival file as the provider sent it, size-checked, its SM3 digest verified and its format
 * confirmed by its first bytes. Immutable: {@link #content()} returns a copy.
 *
 * @param licenceId the licence
 * @param format    OFD or PDF
 * @param fileName  the provider's file name
 * @param sm3       SM3 digest of the content, lower-case hex
 * @param content   the bytes
 */
public record LicenceFile(String licenceId, FileFormat format, String fileName, String sm3, byte[] content) {

    public LicenceFile {
        Objects.requireNonNull(licenceId, "licenceId");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sm3, "sm3");
        content = content.clone();
    }

    /** A copy of the file's bytes. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The file's size in bytes. */
    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LicenceFile other && licenceId.equals(other.licenceId) && format == other.format
                && fileName.equals(other.fileName) && sm3.equals(other.sm3) && Arrays.equals(content, other.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(licenceId, format, fileName, sm3, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "LicenceFile[" + licenceId + ", " + format + ", " + fileName + ", " + content.length + " bytes, sm3="
                + sm3 + "]";
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
