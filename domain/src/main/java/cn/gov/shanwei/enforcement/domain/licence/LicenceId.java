package cn.gov.shanwei.enforcement.domain.licence;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Licence identifier (证照标识) per GB/T 36904: the OID arc of electronic licences followed by the licence type
 * code (证照类型代码), the issuing authority's code (颁发机构代码, an 18-character unified social credit code),
 * a serial number (流水号), a version (版本号) and a check character (校验位), separated by dots:
 * {@code 1.2.156.3005.2.<type>.<issuer>.<serial>.<version>.<check>}.
 *
 * <p>An instance is always well formed and its check character is right: {@link #parse(String)} names the
 * part that is wrong otherwise.
 */
public final class LicenceId {

    /** The OID arc under which GB/T 36904 identifiers are allocated. */
    public static final String ARC = "1.2.156.3005.2";

    private static final Pattern SHAPE = Pattern.compile(
            Pattern.quote(ARC) + "\\.([0-9A-Z]{1,32})\\.([0-9A-Z]{18})\\.([0-9A-Z]{1,32})\\.([0-9]{3})\\.([0-9A-Z])");
    private static final int MAX_LENGTH = 128;

    private final String typeCode;
    private final String issuerCode;
    private final String serial;
    private final String version;
    private final char check;

    private LicenceId(String typeCode, String issuerCode, String serial, String version, char check) {
        this.typeCode = typeCode;
        this.issuerCode = issuerCode;
        this.serial = serial;
        this.version = version;
        this.check = check;
    }

    /** Parses and checks an identifier with the default check algorithm (ISO 7064 MOD 37,36). */
    public static LicenceId parse(String text) {
        return parse(text, LicenceIdCheck.ISO_7064_MOD_37_36);
    }

    /**
     * Parses and checks an identifier.
     *
     * @throws DomainValidationException on field {@code licenceId}, saying which part is wrong
     */
    public static LicenceId parse(String text, LicenceIdCheck algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        if (text == null || text.isBlank()) {
            throw invalid("is required");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw invalid("is longer than " + MAX_LENGTH + " characters");
        }
        if (!trimmed.startsWith(ARC + ".")) {
            throw invalid("must start with the licence arc " + ARC);
        }
        Matcher m = SHAPE.matcher(trimmed);
        if (!m.matches()) {
            throw invalid("must read " + ARC + ".<type code>.<18-character issuer code>.<serial>.<3-digit version>"
                    + ".<check character>, upper-case letters and digits only");
        }
        LicenceId candidate = new LicenceId(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5).charAt(0));
        char expected = algorithm.checkCharacter(candidate.payload());
        if (expected != candidate.check) {
            throw invalid("check character is '" + candidate.check + "' but the identifier's digits give '"
                    + expected + "': the identifier was mistyped or altered");
        }
        return candidate;
    }

    /** Builds an identifier from its parts, computing the check character (used by issuers and test data). */
    public static LicenceId of(String typeCode, String issuerCode, String serial, String version,
                               LicenceIdCheck algorithm) {
        LicenceId unchecked = new LicenceId(typeCode, issuerCode, serial, version, '0');
        char check = algorithm.checkCharacter(unchecked.payload());
        return parse(unchecked.withoutCheck() + "." + check, algorithm);
    }

    private String payload() {
        return withoutCheck().replace(".", "");
    }

    private String withoutCheck() {
        return ARC + "." + typeCode + "." + issuerCode + "." + serial + "." + version;
    }

    private static DomainValidationException invalid(String reason) {
        return new DomainValidationException("licenceId", reason);
    }

    public String typeCode() {
        return typeCode;
    }

    public String issuerCode() {
        return issuerCode;
    }

    public String serial() {
        return serial;
    }

    public String version() {
        return version;
    }

    public char check() {
        return check;
    }

    /** The canonical text form, as parsed. */
    public String value() {
        return withoutCheck() + "." + check;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LicenceId other && other.value().equals(value());
    }

    @Override
    public int hashCode() {
        return value().hashCode();
    }

    @Override
    public String toString() {
        return value();
    }
}
