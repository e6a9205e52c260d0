package cn.gov.shanwei.enforcement.cases.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code hub.cases.*}: configuration of the case platform.
 *
 * @param crypto   encryption of personal data at rest
 * @param evidence  evidence uploads
 * @param bootstrap the first administrator of an empty registry (none when absent)
 */
@ConfigurationProperties("hub.cases")
public record CaseProperties(@DefaultValue Crypto crypto, @DefaultValue Evidence evidence, Bootstrap bootstrap) {

    /**
     * @param sm4Key the 128-bit SM4 key (32 hex characters) encrypting 身份证号, phone numbers and event payloads.
     *               No default: the sandbox profile sets a published sandbox key; production must supply its own
     *               ({@code HUB_CASES_SM4_KEY}) or the hub refuses to start.
     */
    public record Crypto(String sm4Key) {
    }

    /**
     * The first administrator, registered at start-up when the registry has no administrator yet: without one
     * nobody could register subjects and officers through the API.
     *
     * @param subjectId     the subject it belongs to (created in {@code regionCode} when missing, supervisory)
     * @param subjectName   that subject's name
     * @param regionCode    that subject's area
     * @param officerId     the administrator's officer id
     * @param officerName   its name
     * @param staffUserId   its unified-identity user id (may be null)
     */
    public record Bootstrap(String subjectId, String subjectName, String regionCode, String officerId,
                            String officerName, String staffUserId) {
    }

    /** @param maxSize the largest evidence file accepted */
    public record Evidence(@DefaultValue("20MB") DataSize maxSize) {
    }
}
