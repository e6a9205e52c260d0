package cn.gov.shanwei.enforcement.sdk.cases;

import cn.gov.shanwei.enforcement.sdk.cases.inspections.InspectionQuery;
import cn.gov.shanwei.enforcement.sdk.cases.measures.MeasureQuery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lists' party identifier filter (ADR 0530): kept through every narrowing, never printed. */
class PartyIdQueriesTest {

    private static final String USCC = "91441500MA4W123454";

    @Test
    void measureQuery_keepsThePartyIdThroughEveryNarrowing_andNeverPrintsIt() {
        MeasureQuery query = MeasureQuery.firstPage().withPartyId(USCC).withStage("IN_FORCE").withPage(2, 50);

        assertThat(query.partyId()).isEqualTo(USCC);
        assertThat(query.toString()).doesNotContain(USCC).contains("IN_FORCE");
        assertThat(MeasureQuery.firstPage().partyId()).isNull();
    }

    @Test
    void inspectionQuery_keepsThePartyIdThroughEveryNarrowing_andNeverPrintsIt() {
        InspectionQuery query = InspectionQuery.firstPage().withPartyId(USCC).withSort("caseNumber", false);

        assertThat(query.partyId()).isEqualTo(USCC);
        assertThat(query.toString()).doesNotContain(USCC).contains("caseNumber");
    }
}
