package cn.gov.shanwei.enforcement.sdk.internal;

import java.util.List;

/**
 * Every operation the SDK calls, with the JSON shapes it sends and reads. Not API: it exists so that the hub's
 * build can check these shapes against the hub's OpenAPI document, and SDK and hub cannot drift apart.
 */
public final class WireContract {

    private WireContract() {
    }

    /**
     * One operation.
     *
     * @param id           the operation id listeners see, for example {@code licences.verify}
     * @param method       HTTP method
     * @param path         path under the endpoint
     * @param requestBody  the record serialised as the request body, or {@code null} for none
     * @param responseBody the record the 200 answer is read into
     */
    public record Operation(String id, String method, String path, Class<? extends Record> requestBody,
                            Class<? extends Record> responseBody) {
    }

    /** The operations, in the order the SDK's sub-clients declare them. */
    public static List<Operation> operations() {
        return List.of(
                new Operation("licences.verify", "POST", DefaultLicencesClient.VERIFICATIONS_PATH,
                        LicenceWire.VerifyBody.class, LicenceWire.VerificationBody.class),
                new Operation("registration.get", "GET", DefaultRegistrationClient.ME_PATH, null,
                        RegistrationWire.RegistrationBody.class));
    }
}
