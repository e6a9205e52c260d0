package cn.gov.shanwei.enforcement.app.seal;

import cn.gov.shanwei.enforcement.adapters.seal.AnchoredTrustService;
import cn.gov.shanwei.enforcement.adapters.seal.SealCheck;
import cn.gov.shanwei.enforcement.adapters.seal.SealVerificationReport;
import cn.gov.shanwei.enforcement.adapters.seal.SealVerifier;
import cn.gov.shanwei.enforcement.cases.casefile.CaseFileVerifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The offline case-file verifier's seal check (found by {@code verify-casefile} through
 * {@link java.util.ServiceLoader} in the hub's jar): every seal of a sealed document is verified again with
 * {@link SealVerifier}. Trust in the signer's certificate needs the seal CAs: give their PEM files in the system
 * property {@value #ANCHORS} (comma-separated); without it the {@code TRUST} check is not counted, and the report
 * says so.
 */
public class SealDocumentCheck implements CaseFileVerifier.DocumentCheck {

    /** System property naming the trusted seal CA certificates (PEM files, comma-separated). */
    public static final String ANCHORS = "verify-casefile.seal-trust-anchors";

    /**
     * Without anchors the offline verifier cannot judge trust: the signer's chain and the TSA's are reported
     * INDETERMINATE (and not counted as problems), never as passed.
     */
    private static final cn.gov.shanwei.enforcement.adapters.seal.TrustService NO_ANCHORS = (certificate, at) ->
            new cn.gov.shanwei.enforcement.adapters.seal.TrustService.Decision(
                    cn.gov.shanwei.enforcement.adapters.seal.TrustService.Finding.indeterminate(
                            "no trust anchors given (-D" + ANCHORS + ")"),
                    cn.gov.shanwei.enforcement.adapters.seal.TrustService.Finding.skipped("not examined: no anchors"));

    private final List<X509Certificate> anchors;

    /** Anchors from {@value #ANCHORS}. */
    public SealDocumentCheck() {
        this(anchorsFromProperty());
    }

    public SealDocumentCheck(List<X509Certificate> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    @Override
    public List<String> problems(String name, byte[] ofd) {
        SealVerificationReport report = SealVerifier.using(anchors.isEmpty() ? NO_ANCHORS
                : new AnchoredTrustService(anchors, Set.of())).verify(ofd);
        List<String> problems = new ArrayList<>();
        if (report.problem() != null) {
            problems.add("its seal cannot be verified: " + report.problem());
        } else if (report.signatures().isEmpty()) {
            problems.add("it carries no seal");
        }
        for (SealVerificationReport.SignatureReport s : report.signatures()) {
            for (SealCheck c : s.checks()) {
                if (c.status() == SealCheck.Status.FAILED && (c.name() != SealCheck.Name.TRUST || !anchors.isEmpty())) {
                    problems.add("seal " + s.esId() + " fails " + c.name() + ": " + c.detail());
                }
            }
        }
        return problems;
    }

    private static List<X509Certificate> anchorsFromProperty() {
        String files = System.getProperty(ANCHORS, "");
        List<X509Certificate> anchors = new ArrayList<>();
        for (String file : Arrays.stream(files.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList()) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                anchors.add((X509Certificate) CertificateFactory.getInstance("X.509",
                        new org.bouncycastle.jce.provider.BouncyCastleProvider()).generateCertificate(in));
            } catch (IOException | GeneralSecurityException | ClassCastException e) {
                throw new IllegalArgumentException(ANCHORS + ": " + file + " is not a readable X.509 certificate", e);
            }
        }
        return anchors;
    }
}
