package cn.gov.shanwei.enforcement.sdk.cases;

import cn.gov.shanwei.enforcement.sdk.cases.inspections.InspectionsClient;
import cn.gov.shanwei.enforcement.sdk.cases.measures.CoerciveMeasuresClient;

/**
 * The case platform (行政执法信息平台) acting for one officer: every call carries the officer's id in
 * {@code X-Hub-Officer-Id}, covered by the request signature, and the hub applies that officer's roles and
 * jurisdiction. Obtain it from {@code hub.cases().actingFor(officerId)}. Thread-safe; an interface so that your
 * tests can fake it.
 */
public interface OfficerCasesClient {

    /** The officer the calls act for. */
    String officerId();

    /** 行政处罚: penalty cases from lead to archive, and the on-the-spot penalty. */
    PenaltyCasesClient penalties();

    /** 行政强制措施: seal-up, seizure and freezing (查封、扣押、冻结). */
    CoerciveMeasuresClient measures();

    /** 行政检查: targeted inspections. */
    InspectionsClient inspections();
}
