package cn.gov.shanwei.enforcement.app.seal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * {@code hub.seal.*}: the provincial electronic seal service (电子印章) as the hub uses it. Nothing here is needed to
 * start the hub; a missing setting fails the first call that needs it, naming the setting (a durable seal request
 * is then retried, and a subject without a seal gets a document in state {@code NO_SEAL}).
 *
 * @param paasId       the hub's TIF gateway PaaS id for the seal service
 * @param token        its TIF gateway token (secret)
 * @param seals        the seal each enforcement subject applies to its penalty decisions: subject id → seal id
 *                     (印章编码)
 * @param trustAnchors PEM files of the seal CAs the hub trusts when verifying seals (in the sandbox the sandbox's
 *                     test CA is added)
 */
@ConfigurationProperties("hub.seal")
public record SealProperties(String paasId, String token, Map<String, String> seals, List<String> trustAnchors) {

    public SealProperties {
        seals = seals == null ? Map.of() : Map.copyOf(seals);
        trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
    }

    /** @throws IllegalStateException naming {@code hub.seal.<name>} if it is not set */
    static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("hub.seal." + name + " is not set: the seal service cannot be used"
                    + " without it");
        }
        return value;
    }

    @Override
    public String toString() {
        return "SealProperties[paasId=" + paasId + ", token=***, seals=" + seals + ", trustAnchors=" + trustAnchors
                + "]";
    }
}
