package cn.gov.shanwei.enforcement.sdk.registration;

import java.util.List;
import java.util.Objects;

/**
 * One service a client may call and the legal purposes it may claim for it.
 *
 * @param service  service id, for example {@code licence.verify}
 * @param purposes enforcement matter codes (事项编码) the client may state as purpose; {@code "*"} stands for
 *                 any; empty for services that take no purpose
 */
public record ServiceGrant(String service, List<String> purposes) {

    /** Any purpose. */
    public static final String ANY_PURPOSE = "*";

    /** Validates and copies. */
    public ServiceGrant {
        Objects.requireNonNull(service, "service");
        purposes = List.copyOf(purposes);
    }

    /** Whether the hub accepts {@code matterCode} as this client's purpose for this service. */
    public boolean allowsPurpose(String matterCode) {
        return purposes.contains(ANY_PURPOSE) || purposes.contains(matterCode);
    }
}
