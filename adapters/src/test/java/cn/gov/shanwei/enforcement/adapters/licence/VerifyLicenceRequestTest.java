package cn.gov.shanwei.enforcement.adapters.licence;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class VerifyLicenceRequestTest {

    private static final String ID = "1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2024000001.001.Z";

    private static String invalidField(Runnable construction) {
        return catchThrowableOfType(AdapterValidationException.class, construction::run).field();
    }

    @Test
    void of_whenWellFormed_keepsValuesAndLeavesOptionalsNull() {
        VerifyLicenceRequest request = VerifyLicenceRequest.of(ID, "440115001000");

        assertThat(request.licenceId()).isEqualTo(ID);
        assertThat(request.caseNumber()).isNull();
        assertThat(request.officerId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "2.2.156.3005.2.A.B.C.001.Z", "1.2.156.3005.2.abc.11441500007178421P.S.001.Z",
            "1.2.156.3005.2.A.B.C"})
    void new_whenLicenceIdMalformed_throwsValidationNamingLicenceId(String licenceId) {
        assertThat(invalidField(() -> VerifyLicenceRequest.of(licenceId, "440115001000"))).isEqualTo("licenceId");
    }

    @Test
    void new_whenLicenceIdNull_throwsValidationNamingLicenceId() {
        assertThat(invalidField(() -> VerifyLicenceRequest.of(null, "440115001000"))).isEqualTo("licenceId");
    }

    @Test
    void new_whenMatterCodeMissingOrInjected_throwsValidationNamingMatterCode() {
        assertThat(invalidField(() -> VerifyLicenceRequest.of(ID, null))).isEqualTo("matterCode");
        assertThat(invalidField(() -> VerifyLicenceRequest.of(ID, "44<x/>"))).isEqualTo("matterCode");
    }

    @Test
    void new_whenOptionalFieldTooLongOrBlank_throwsValidationNamingIt() {
        assertThat(invalidField(() -> new VerifyLicenceRequest(ID, "M1", "9".repeat(65), null)))
                .isEqualTo("caseNumber");
        assertThat(invalidField(() -> new VerifyLicenceRequest(ID, "M1", null, " "))).isEqualTo("officerId");
    }
}
