package cn.gov.shanwei.enforcement.app.seal;

import cn.gov.shanwei.enforcement.adapters.seal.SealCheck;
import cn.gov.shanwei.enforcement.adapters.seal.SealVerificationReport;
import cn.gov.shanwei.enforcement.domain.common.TextCut;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Objects;
import java.util.stream.Collectors;

/** A seal verification report as stored (JSON) and as told in one line (summary, failures). */
public class VerificationReports {

    private final ObjectMapper json;

    public VerificationReports(ObjectMapper json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The structured report as JSON: every signature and every check with its status and detail. */
    public String json(SealVerificationReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a seal verification report", e);
        }
    }

    /** e.g. {@code SEAL-HFSCJG-001 (海丰县…专用章): passed PARSE, DOCUMENT_DIGEST, …; skipped TIMESTAMP}. */
    public static String summary(SealVerificationReport report) {
        return report.signatures().stream().map(s -> s.esId() + " (" + s.sealName() + "): passed "
                + names(s, SealCheck.Status.PASSED) + (names(s, SealCheck.Status.SKIPPED).isEmpty() ? ""
                : "; skipped " + names(s, SealCheck.Status.SKIPPED))).collect(Collectors.joining(" | "));
    }

    /** What failed, e.g. {@code TRUST: … ; SEAL_ENTITY: …}, or the report's problem. */
    public static String failures(SealVerificationReport report) {
        if (report.problem() != null) {
            return report.problem();
        }
        if (report.signatures().isEmpty()) {
            return "the document carries no signature";
        }
        String failed = report.signatures().stream().flatMap(s -> s.checks().stream())
                .filter(c -> c.status() == SealCheck.Status.FAILED).map(c -> c.name() + ": " + c.detail())
                .collect(Collectors.joining("; "));
        String text = failed.isEmpty() ? "no signature check passed SIGNATURE" : failed;
        return TextCut.withEllipsis(text, 1000);
    }

    private static String names(SealVerificationReport.SignatureReport s, SealCheck.Status status) {
        return s.checks().stream().filter(c -> c.status() == status).map(c -> c.name().name())
                .collect(Collectors.joining(", "));
    }
}
