package cn.gov.shanwei.enforcement.app.geo;

import cn.gov.shanwei.enforcement.app.clients.HubClient;
import cn.gov.shanwei.enforcement.app.web.RequestIdFilter;
import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import jakarta.servlet.http.HttpServletRequest;

/** The call context of a read through the hub: the calling system, the stated purpose and the request id. */
public final class ReadCalls {

    /**
     * The matter code written to the monitoring record of a map read that states none: map data serves many
     * purposes and is not personal data, so the map services take no purpose (ADR 0305).
     */
    public static final String NO_MATTER = "none";

    private ReadCalls() {
    }

    /**
     * @param fieldPrefix how the purpose's fields are named to the caller ({@code ""} for query parameters,
     *                    {@code "purpose."} inside a body)
     * @throws DomainValidationException naming the bad purpose field
     */
    public static CallContext context(HubClient client, String matterCode, String caseNumber, String officerId,
                                      HttpServletRequest request, String fieldPrefix) {
        try {
            return CallContext.of(client.id(), blankToNull(officerId), blankToNull(caseNumber),
                    matterCode == null || matterCode.isBlank() ? NO_MATTER : matterCode, RequestIdFilter.of(request));
        } catch (DomainValidationException e) {
            throw new DomainValidationException(fieldPrefix + e.field(), e.reason());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
