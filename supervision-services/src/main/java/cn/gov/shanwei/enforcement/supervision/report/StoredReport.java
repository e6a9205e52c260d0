package cn.gov.shanwei.enforcement.supervision.report;

import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A monthly report (监督月报) as kept: the document, its SM3 digest, the signature over the document and the key
 * that verifies it, and the trace of its figures to the cases they count (JSON: subject → measure → case numbers).
 *
 * @param supervisor   the supervising body it reports to
 * @param month        the month reported
 * @param asOf         the day its figures were computed on
 * @param generatedAt  when it was generated
 * @param generatedBy  {@code scheduler} or the officer who asked for it
 * @param document     the OFD document
 * @param documentSm3  SM3 of {@code document}, lower-case hex
 * @param signatureAlg the signature algorithm, e.g. {@code SM3withSM2}
 * @param signature    the signature over {@code document}
 * @param signerKey    the signer's public key (X.509 SubjectPublicKeyInfo, DER)
 * @param traceJson    the figures' trace
 */
public record StoredReport(SubjectId supervisor, YearMonth month, LocalDate asOf, Instant generatedAt,
                           String generatedBy, byte[] document, String documentSm3, String signatureAlg,
                           byte[] signature, byte[] signerKey, String traceJson) {

    public StoredReport {
        Objects.requireNonNull(supervisor, "supervisor");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(generatedBy, "generatedBy");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(documentSm3, "documentSm3");
        Objects.requireNonNull(signatureAlg, "signatureAlg");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(signerKey, "signerKey");
        Objects.requireNonNull(traceJson, "traceJson");
    }

    /** The report without its document and trace (for lists). */
    public Summary summary() {
        return new Summary(supervisor, month, asOf, generatedAt, generatedBy, documentSm3, signatureAlg,
                document.length);
    }

    /**
     * A stored report as listed.
     *
     * @param supervisor  the supervising body
     * @param month       the month
     * @param asOf        the figures' day
     * @param generatedAt when generated
     * @param generatedBy by whom
     * @param documentSm3 the document's SM3
     * @param signatureAlg the signature algorithm
     * @param size        the document's size in bytes
     */
    public record Summary(SubjectId supervisor, YearMonth month, LocalDate asOf, Instant generatedAt,
                          String generatedBy, String documentSm3, String signatureAlg, int size) {
    }
}
