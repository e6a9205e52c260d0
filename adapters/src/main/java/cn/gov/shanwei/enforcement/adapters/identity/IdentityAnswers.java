package cn.gov.shanwei.enforcement.adapters.identity;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;
import cn.gov.shanwei.enforcement.adapters.common.rest.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.regex.Pattern;

/** Reading and checking the identity service's answers, shared by both sign-on flows and the staff directory. */
final class IdentityAnswers {

    static final String PROVIDER = "identity";

    private static final Pattern USER_ID = Pattern.compile("[0-9A-Za-z._@-]{1,64}");
    private static final Pattern MOBILE = Pattern.compile("1[0-9]{10}");
    private static final Pattern STATE = Pattern.compile("[0-9A-Za-z_-]{8,128}");
    private static final Pattern OPAQUE = Pattern.compile("[0-9A-Za-z._~-]{8,512}");

    private IdentityAnswers() {
    }

    /** A principal from the user-info fields (OAuth user info, CAS attributes). */
    static Principal principal(JsonFields fields, JsonNode node) {
        String subjectId = fields.matching(node, "userId", USER_ID);
        String name = fields.text(node, "name", 64);
        IdType idType = fields.enumValue(node, "idType", IdType.class);
        String idNumber = fields.text(node, "idNumber", 32);
        if (idType == IdType.ID_CARD && !ResidentIdNumber.isValid(idNumber)) {
            throw fields.invalid("idNumber is not a valid 身份证号 (GB 11643)");
        }
        int level = (int) fields.integer(node, "realNameLevel", 1, 4);
        String uscc = fields.optional(node, "orgUscc", 18);
        SocialCreditCode orgUscc;
        try {
            orgUscc = uscc == null ? null : SocialCreditCode.parse(uscc);
        } catch (IdentifierFormatException e) {
            throw fields.invalid("orgUscc " + e.reason());
        }
        String orgName = fields.optional(node, "orgName", 128);
        String mobile = fields.optional(node, "mobile", 11);
        if (mobile != null && !MOBILE.matcher(mobile).matches()) {
            throw fields.invalid("mobile is not an 11-digit mobile number");
        }
        return new Principal(subjectId, name, idType, idNumber, level, orgUscc, orgName, mobile);
    }

    /** {@code {"active":…,"userId":…,"expiresAt":…}} → a token status. */
    static TokenStatus tokenStatus(JsonFields fields, JsonNode node) {
        JsonNode active = node.get("active");
        if (active == null || !active.isBoolean()) {
            throw fields.invalid("active is required and must be true or false");
        }
        if (!active.booleanValue()) {
            return TokenStatus.inactive();
        }
        String subjectId = fields.matching(node, "userId", USER_ID);
        Instant expiresAt = fields.instant(node, "expiresAt");
        return new TokenStatus(true, subjectId, expiresAt);
    }

    static void requireState(String operation, String state) {
        if (state == null || !STATE.matcher(state).matches()) {
            throw new AdapterValidationException(PROVIDER, operation, "state", "must be 8-128 letters, digits, '_' or '-'");
        }
    }

    static void requireOpaque(String operation, String field, String value) {
        if (value == null || !OPAQUE.matcher(value).matches()) {
            throw new AdapterValidationException(PROVIDER, operation, field,
                    "must be 8-512 URL-safe characters (letters, digits, '.', '_', '~', '-')");
        }
    }

    static void requireUserId(String operation, String userId) {
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new AdapterValidationException(PROVIDER, operation, "staffUserId",
                    "must be 1-64 letters, digits, '.', '_', '@' or '-'");
        }
    }
}
