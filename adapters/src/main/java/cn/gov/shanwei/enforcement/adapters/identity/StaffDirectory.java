package cn.gov.shanwei.enforcement.adapters.identity;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.rest.JsonFields;
import cn.gov.shanwei.enforcement.adapters.common.rest.RestTransport;
import cn.gov.shanwei.enforcement.adapters.common.tif.TifClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static cn.gov.shanwei.enforcement.adapters.identity.IdentityAnswers.PROVIDER;

/**
 * Looks a signed-on staff user up in the enforcement workforce library (执法人员库) through the identity service:
 * {@code GET /staff/{userId}}, or reads the whole library page by page ({@code GET /staff}) for the hub's officer
 * sync; contract {@code contracts/identity/identity-v1.yaml}. A user who is not an officer is
 * an empty result, not an error (the provider answers 404 {@value #NOT_FOUND_CODE}).
 *
 * <p>Thread-safe and immutable.
 */
public final class StaffDirectory {

    /** Operation name carried by exceptions. */
    public static final String FIND_OFFICER = "findOfficer";
    /** Operation name of reading the whole library page by page. */
    public static final String LIST_OFFICERS = "listOfficers";
    /** Largest page the provider serves. */
    public static final int MAX_PAGE_SIZE = 500;
    /** The provider's code for "no officer record for this user". */
    public static final String NOT_FOUND_CODE = "STAFF_NOT_FOUND";

    private static final Pattern OFFICER_ID = Pattern.compile("[0-9A-Za-z-]{4,32}");
    private static final Pattern CERTIFICATE = Pattern.compile("[0-9A-Za-z-]{6,32}");
    private static final Pattern USER_ID = Pattern.compile("[0-9A-Za-z._@-]{1,64}");

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
        OfficerRecord record = record(answer, fields);
        if (!staffUserId.equals(record.staffUserId())) {
            throw fields.invalid("staffUserId is not the one asked about");
        }
        return Optional.of(record);
    }

    /**
     * One page of the whole library (执法人员库), in officer-id order: what the hub's officer sync reads
     * ({@code GET /staff?page=&size=}).
     *
     * @param page 0, 1, …
     * @param size records per page, 1 to {@value #MAX_PAGE_SIZE}
     * @throws AdapterValidationException for a page or size out of range (nothing sent)
     */
    public StaffPage listOfficers(int page, int size) {
        if (page < 0) {
            throw new AdapterValidationException(PROVIDER, LIST_OFFICERS, "page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new AdapterValidationException(PROVIDER, LIST_OFFICERS, "size", "must be 1 to " + MAX_PAGE_SIZE);
        }
        JsonNode answer = transport.getJson(LIST_OFFICERS, "/staff?page=" + page + "&size=" + size);
        JsonFields fields = new JsonFields(PROVIDER, LIST_OFFICERS);
        if (fields.integer(answer, "page", 0, Integer.MAX_VALUE) != page) {
            throw fields.invalid("page is not the one asked for");
        }
        long total = fields.integer(answer, "total", 0, Integer.MAX_VALUE);
        List<OfficerRecord> officers = new ArrayList<>();
        for (JsonNode item : fields.array(answer, "officers", size)) {
            officers.add(record(item, fields));
        }
        return new StaffPage(page, size, total, officers);
    }

    private static OfficerRecord record(JsonNode answer, JsonFields fields) {
        LocalDate validFrom = fields.date(answer, "validFrom");
        LocalDate validTo = fields.date(answer, "validTo");
        if (validTo.isBefore(validFrom)) {
            throw fields.invalid("validTo is before validFrom");
        }
        return new OfficerRecord(fields.matching(answer, "staffUserId", USER_ID),
                fields.matching(answer, "officerId", OFFICER_ID),
                fields.text(answer, "name", 64),
                fields.matching(answer, "certificateNumber", CERTIFICATE),
                fields.text(answer, "subjectId", 64),
                fields.text(answer, "subjectName", 128),
                validFrom, validTo,
                fields.enumValue(answer, "status", OfficerRecord.CertificateState.class));
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
