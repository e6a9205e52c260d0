package cn.gov.shanwei.enforcement.sdk.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import org.junit.jupiter.api.Test;

class VerifyLicenceRequestTest {

    @Test
    void build_whenRequiredFieldsBlank_throwsValidationExceptionNamingBoth() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> VerifyLicenceRequest.builder().licenceId(" ").caseNumber("C-1").build());

        assertThat(e.status()).isZero();
        assertThat(e.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(e.fieldErrors()).containsExactly(
                new FieldError("licenceId", "is required"), new FieldError("purpose.matterCode", "is required"));
        assertThat(e).hasMessageContaining("licenceId is required");
    }

    @Test
    void build_whenOptionalFieldTooLong_namesIt() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> VerifyLicenceRequest.builder().licenceId("L").matterCode("M").officerId("x".repeat(129)).build());

        assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("purpose.officerId");
    }

    @Test
    void of_whenRequiredOnly_leavesOptionalPartsNull() {
        VerifyLicenceRequest request = VerifyLicenceRequest.of("L", "M");

        assertThat(request.caseNumber()).isNull();
        assertThat(request.officerId()).isNull();
    }
}
