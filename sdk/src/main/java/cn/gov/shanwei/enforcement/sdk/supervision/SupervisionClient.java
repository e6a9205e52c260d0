package cn.gov.shanwei.enforcement.sdk.supervision;

/**
 * The supervision platform (行政执法监督网络平台), read only, for a system acting for a supervisor (a justice
 * bureau's officer with the SUPERVISOR role). Obtain it from {@code EnforcementHubClient.supervision()};
 * implementations are thread-safe. An interface so that your tests can mock or fake it.
 */
public interface SupervisionClient {

    /**
     * Reads as the supervisor {@code officerId} ({@code X-Hub-Officer-Id}): the hub applies that officer's role and
     * jurisdiction (the officer's justice bureau's region and everything below it). Needs {@code supervision.read}
     * (or {@code cases.staff}).
     *
     * @throws IllegalArgumentException when the id is not 1–64 visible ASCII characters
     */
    SupervisorClient actingFor(String officerId);
}
