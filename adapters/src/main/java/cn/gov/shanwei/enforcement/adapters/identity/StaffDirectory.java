package cn.gov.shanwei.enforcement.adapters.identity;

import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.rest.JsonFields;
import cn.gov.shanwei.enforcement.adapters.common.rest.RestTransport;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

import static cn.gov.shanwei.enforcement.adapters.identity.IdentityAnswers.PROVIDER;

/**
 * Looks a signed-on staff user up in the enforcement workforce library (执法人员库) through the identity service:
 * {@code GET /staff/{userId}}; contract {@code contracts/identity/identity-v1.yaml}. A user who is not an officer is
 * an empty result, not an error (the provider answers 404 {@value #NOT_FOUND_CODE}).
 *
 * <p>Thread-safe and immutable.
 */
public final class StaffDirectory {

    /** Operation name carried by exceptions. */
    public static final String FIND_OFFICER = "findOfficer";
    /** The provider's code for "no officer record for this user". */
    public static final String NOT_FOUND_CODE = "STAFF_NOT_FOUND";

    private static final Pattern OFFICER_ID = Pattern.compile("[0-9A-Za-z-]{4,32}");
    private static final Pattern CERTIFICATE = Pattern.compile("[0-9A-Za-z-]{6,32}");

    private final RestTransport transport;

    private StaffDirectory(RestTransport transport) {
        this.transport = transport;
    }

    /** Starts a builder; endpoint and signer are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The officer record of a staff user.
     *
     * @param staffUserId the unified-identity user id ({@link Principal#subjectId()})
     * @return the record, or empty when the user has none
     */
    public Optional<OfficerRecord> findOfficer(String staffUserId) {
        IdentityAnswers.requireUserId(FIND_OFFICER, staffUserId);
        JsonNode answer;
        try {
            answer = transport.getJson(FIND_OFFICER, "/staff/" + RestTransport.encode(staffUserId));
        } catch (ProviderRejectedException e) {
            if (NOT_FOUND_CODE.equals(e.providerCode())) {
                return Optional.empty();
            }
            throw e;
        }
        JsonFields fields = new JsonFields(PROVIDER, FIND_OFFICER);
        if (!staffUserId.equals(fields.text(answer, "staffUserId", 64))) {
            throw fields.invalid("staffUserId is not the one asked about");
        }
        LocalDate validFrom = fields.date(answer, "validFrom");
        LocalDate validTo = fields.date(answer, "validTo");
        if (validTo.isBefore(validFrom)) {
            throw fields.invalid("validTo is before validFrom");
        }
        return Optional.of(new OfficerRecord(staffUserId,
                fields.matching(answer, "officerId", OFFICER_ID),
                fields.text(answer, "name", 64),
                fields.matching(answer, "certificateNumber", CERTIFICATE),
                fields.text(answer, "subjectId", 64),
                fields.text(answer, "subjectName", 128),
                validFrom, validTo,
                fields.enumValue(answer, "status", OfficerRecord.CertificateState.class)));
    }

    @Override
    public String toString() {
        return "StaffDirectory[" + transport.endpoint() + "]";
    }

    /** Builds a {@link StaffDirectory}; not thread-safe, use once. */
    public static final class Builder extends TifClientBuilder<Builder> {

        private Builder() {
            super(64 * 1024);
        }

        /** @throws IllegalArgumentException naming the first missing or bad setting */
        public StaffDirectory build() {
            return new StaffDirectory(transport(PROVIDER));
        }
    }
}
