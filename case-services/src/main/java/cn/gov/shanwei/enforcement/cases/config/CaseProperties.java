package cn.gov.shanwei.enforcement.cases.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code hub.cases.*}: configuration of the case platform.
 *
 * @param crypto   encryption of personal data at rest
 * @param evidence evidence uploads
 */
@ConfigurationProperties("hub.cases")
public record CaseProperties(@DefaultValue Crypto crypto, @DefaultValue Evidence evidence) {

    /**
     * @param sm4Key the 128-bit SM4 key (32 hex characters) encrypting 身份证号, phone numbers and event payloads.
     *               No default: the sandbox profile sets a published sandbox key; production must supply its own
     *               ({@code HUB_CASES_SM4_KEY}) or the hub refuses to start.
     */
    public record Crypto(String sm4Key) {
    }

    /** @param maxSize the largest evidence file accepted */
    public record Evidence(@DefaultValue("20MB") DataSize maxSize) {
    }
}
