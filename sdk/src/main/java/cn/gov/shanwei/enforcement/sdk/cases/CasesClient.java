package cn.gov.shanwei.enforcement.sdk.cases;

/**
 * The case platform (行政执法信息平台). Obtain it from {@code EnforcementHubClient.cases()}. Thread-safe.
 */
public interface CasesClient {

    /**
     * The case platform acting for {@code officerId}: penalty cases, coercive measures and inspections, each call made
     * on the officer's behalf (sent, and signed, as {@code X-Hub-Officer-Id}). The calling system must be registered
     * for {@code cases.staff}.
     *
     * @throws IllegalArgumentException when the id is not 1–64 visible ASCII characters
     */
    OfficerCasesClient actingFor(String officerId);
}
