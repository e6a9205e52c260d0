package cn.gov.shanwei.enforcement.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shanwei.enforcement.sdk.cases.PenaltyStep;
import cn.gov.shanwei.enforcement.sdk.cases.inspections.InspectionStep;
import cn.gov.shanwei.enforcement.sdk.cases.measures.MeasureStep;
import cn.gov.shanwei.enforcement.sdk.errors.TransportException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CasesWireTest {

    @Test
    void routes_coverEveryPermittedStep_eachWithItsOwnSegmentAndOperationId() {
        assertRoutes(CasesWire.PENALTY_STEPS, PenaltyStep.class);
        assertRoutes(CasesWire.MEASURE_STEPS, MeasureStep.class);
        assertRoutes(CasesWire.INSPECTION_STEPS, InspectionStep.class);
    }

    private static void assertRoutes(Map<? extends Class<?>, CasesWire.StepRoute> routes, Class<?> family) {
        assertThat(java.util.Set.<Object>copyOf(routes.keySet())).containsExactlyInAnyOrder(
                (Object[]) family.getPermittedSubclasses());
        assertThat(routes.values()).extracting(CasesWire.StepRoute::segment).doesNotHaveDuplicates()
                .allMatch(s -> s.matches("[a-z]+(-[a-z]+)*"));
        assertThat(routes.values()).extracting(CasesWire.StepRoute::operationId).doesNotHaveDuplicates();
    }

    @Test
    void wireContract_listsEveryCaseStepOnce() {
        assertThat(WireContract.caseOperations()).extracting(WireContract.Operation::id).doesNotHaveDuplicates()
                .contains("cases.penalties.decide", "cases.measures.dispose", "cases.inspections.recordResult",
                        "cases.penalties.uploadEvidence", "cases.penalties.downloadCaseFile");
        assertThat(WireContract.caseOperations()).filteredOn(o -> o.path().matches(".*/\\{id}/[a-z-]+")
                && o.method().equals("POST")).allSatisfy(o -> assertThat(o.headers()).containsExactly("If-Match"));
    }

    @Test
    void fileName_readsTheExtendedFormFirst_thenThePlainOne_elseTheFallback() {
        assertThat(CasesWire.fileName("attachment; filename=\"=?UTF-8?Q?x?=\"; filename*=UTF-8''%E5%86%B3%E5%AE%9A"
                + "%E4%B9%A6+1.ofd", "f")).isEqualTo("决定书+1.ofd");
        assertThat(CasesWire.fileName("attachment; filename=\"casefile-1.zip\"", "f")).isEqualTo("casefile-1.zip");
        assertThat(CasesWire.fileName("attachment", "fallback.bin")).isEqualTo("fallback.bin");
        assertThat(CasesWire.fileName(null, "fallback.bin")).isEqualTo("fallback.bin");
        assertThat(CasesWire.fileName("attachment; filename*=NO-SUCH-CHARSET''x", "f")).isEqualTo("f");
    }

    @Test
    void downloadStream_whenTheBodyEndsBeforeItsLength_failsWithATransportCause() throws IOException {
        try (InputStream body = new DownloadStream(new ByteArrayInputStream(new byte[10]), 20,
                Duration.ofSeconds(5), "Case file export", "req-1")) {
            assertThatThrownBy(body::readAllBytes).isInstanceOf(IOException.class)
                    .hasCauseInstanceOf(TransportException.class).cause().hasMessageContaining("after 10 of 20 bytes");
        }
        try (InputStream body = new DownloadStream(new ByteArrayInputStream(new byte[20]), 20,
                Duration.ofSeconds(5), "Case file export", "req-1")) {
            assertThat(body.skip(5)).isEqualTo(5);
            assertThat(body.readAllBytes()).hasSize(15);
        }
    }
}
