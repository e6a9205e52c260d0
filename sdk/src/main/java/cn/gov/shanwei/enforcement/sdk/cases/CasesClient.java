package cn.gov.shanwei.enforcement.sdk.cases;

/**
 * The case platform (行政执法信息平台). Obtain it from {@code EnforcementHubClient.cases()}. Thread-safe.
 */
public interface CasesClient {

    /**
     * Penalty cases, each call made on behalf of {@code officerId} (sent as {@code X-Hub-Officer-Id}).
     *
     * @throws IllegalArgumentException when the id is not 1–64 visible ASCII characters
     */
    PenaltyCasesClient actingFor(String officerId);
}
