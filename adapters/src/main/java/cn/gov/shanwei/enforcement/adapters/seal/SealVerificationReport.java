package cn.gov.shanwei.enforcement.adapters.seal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What local verification found about the electronic seals on one OFD document: a report per signature, each a list
 * of {@link SealCheck}s. Never reduced to a boolean by the verifier: {@link #valid()} is a convenience over the list.
 *
 * @param signatures one report per signature in the document (empty when the document carries none)
 * @param problem    why the document could not be examined at all, or {@code null}
 */
public record SealVerificationReport(List<SignatureReport> signatures, String problem) {

    public SealVerificationReport {
        signatures = List.copyOf(signatures);
    }

    /**
     * Whether the document carries at least one signature and every check of every signature passed, was not
     * applicable (absent timestamp) or skipped: a FAILED or INDETERMINATE check makes the document not valid.
     */
    public boolean valid() {
        return problem == null && !signatures.isEmpty() && signatures.stream().allMatch(SignatureReport::valid);
    }

    /**
     * The verification of one signature (签章).
     *
     * @param signatureId the signature's id in the OFD
     * @param esId        the seal's identifier (印章编码), or {@code null} if it could not be read
     * @param sealName    the seal's name (印章名称), e.g. 汕尾市市场监督管理局行政处罚专用章, or {@code null}
     * @param signer      the signer certificate's subject, or {@code null}
     * @param signedAt    the signing time (TBS_Sign.timeInfo), or {@code null}
     * @param checks      every check in order
     */
    public record SignatureReport(String signatureId, String esId, String sealName, String signer, Instant signedAt,
                                  List<SealCheck> checks) {

        public SignatureReport {
            checks = List.copyOf(checks);
        }

        /** Whether no check failed or stayed indeterminate (absent or skipped checks do not fail a signature). */
        public boolean valid() {
            return checks.stream().noneMatch(c -> c.status() == SealCheck.Status.FAILED
                    || c.status() == SealCheck.Status.INDETERMINATE)
                    && checks.stream().anyMatch(c -> c.name() == SealCheck.Name.SIGNATURE
                    && c.status() == SealCheck.Status.PASSED);
        }

        /** The outcome of one check, if it ran. */
        public Optional<SealCheck> check(SealCheck.Name name) {
            return checks.stream().filter(c -> c.name() == name).findFirst();
        }
    }
}
