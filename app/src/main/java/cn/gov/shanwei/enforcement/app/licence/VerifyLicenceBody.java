package cn.gov.shanwei.enforcement.app.licence;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/licences/verifications}. */
public record VerifyLicenceBody(
        @NotBlank @Size(max = 128) String licenceId,
        @NotNull @Valid Purpose purpose) {

    /**
     * The legal purpose of the check: the enforcement matter (事项编码) it serves, and where known the case and the
     * officer. Written to the monitoring record of the provincial call.
     */
    public record Purpose(
            @NotBlank @Size(max = 64) String matterCode,
            @Size(max = 64) String caseNumber,
            @Size(max = 64) String officerId) {
    }
}
