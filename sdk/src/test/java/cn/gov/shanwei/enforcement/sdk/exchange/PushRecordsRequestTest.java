package cn.gov.shanwei.enforcement.sdk.exchange;

import cn.gov.shanwei.enforcement.sdk.errors.FieldError;
import cn.gov.shanwei.enforcement.sdk.errors.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PushRecordsRequestTest {

    static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void aBadRecord_isRefusedBeforeAnythingIsSent_namingEachField() {
        assertThatThrownBy(() -> new ExchangeRecord("bad id!", null, 0, null, false, Map.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(FieldError::field)
                        .containsExactly("recordId", "recordType", "version", "updatedAt", "data"));
    }

    @Test
    void aRequest_needsAPurposeAndOneToAHundredDistinctRecords() {
        ExchangeRecord one = ExchangeRecord.of("r-1", RecordType.INSPECTION, AT, Map.of("a", 1));
        assertThat(PushRecordsRequest.of("330217003000", List.of(one)).records()).containsExactly(one);

        assertThatThrownBy(() -> PushRecordsRequest.of(" ", List.of(one, one)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(FieldError::field).containsExactly("purpose.matterCode", "records"));
        assertThatThrownBy(() -> PushRecordsRequest.of("m", Collections.nCopies(101, one)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aRecordsData_isCopied_soTheRequestIsImmutable() {
        Map<String, Object> data = new HashMap<>(Map.of("regionCode", "441502"));
        ExchangeRecord record = ExchangeRecord.of("r-2", RecordType.PENALTY, AT, data);
        data.put("regionCode", "440100");

        assertThat(record.data()).containsEntry("regionCode", "441502");
        assertThatThrownBy(() -> record.data().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
