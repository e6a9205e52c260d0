package cn.gov.shanwei.enforcement.starter;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link InvalidHubPropertiesException} into a start-up report that says which property to fix and how. */
class InvalidHubPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<InvalidHubPropertiesException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidHubPropertiesException cause) {
        String description = "The Shanwei enforcement hub client cannot be created:\n\n    - "
                + String.join("\n    - ", cause.problems());
        String action = "Set the enforcement.hub.* properties (application.yml or environment variables such as "
                + "ENFORCEMENT_HUB_CLIENT_SECRET), using the client id and secret the hub's operators registered "
                + "for this system; or set enforcement.hub.enabled=false.";
        return new FailureAnalysis(description, action, cause);
    }
}
