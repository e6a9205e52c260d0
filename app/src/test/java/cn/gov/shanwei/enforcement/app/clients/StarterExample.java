package cn.gov.shanwei.enforcement.app.clients;

import cn.gov.shanwei.enforcement.sdk.EnforcementHubClient;
import cn.gov.shanwei.enforcement.sdk.licences.LicencesClient;
import cn.gov.shanwei.enforcement.sdk.licences.VerifyLicenceRequest;

/**
 * The Spring Boot starter example of docs/sdk.md: a bean of the municipal system using the auto-configured client.
 * Not annotated {@code @Service} here only because the hub's tests scan this package.
 */
// tag::starter-bean[]
public class StarterExample {                             // a bean of yours, e.g. a @Service

    private final LicencesClient licences;

    public StarterExample(EnforcementHubClient hub) {     // auto-configured from enforcement.hub.*
        this.licences = hub.licences();
    }

    public boolean isInForce(String licenceId, String matterCode) {
        return licences.verify(VerifyLicenceRequest.of(licenceId, matterCode)).isValid();
    }
}
// end::starter-bean[]
