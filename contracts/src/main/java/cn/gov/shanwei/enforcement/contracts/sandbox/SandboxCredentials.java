package cn.gov.shanwei.enforcement.contracts.sandbox;

/**
 * The credentials the province sandbox accepts, for tests, demos and the hub's sandbox profile. None of them is a
 * secret: they open only the sandbox.
 */
public final class SandboxCredentials {

    /** TIF gateway application id. */
    public static final String TIF_PAAS_ID = TifGatewayCheck.SANDBOX_PAAS_ID;
    /** TIF gateway token of {@link #TIF_PAAS_ID}. */
    public static final String TIF_TOKEN = TifGatewayCheck.SANDBOX_TOKEN;
    /** OAuth client id registered with the sandbox's unified identity service. */
    public static final String IDENTITY_CLIENT_ID = IdentityBackend.CLIENT_ID;
    /** Its client secret. */
    public static final String IDENTITY_CLIENT_SECRET = IdentityBackend.CLIENT_SECRET;

    private SandboxCredentials() {
    }
}
