package cn.gov.shanwei.enforcement.routes.config;

import cn.gov.shanwei.enforcement.adapters.common.tif.TifCredentials;
import cn.gov.shanwei.enforcement.domain.call.Provider;

/**
 * The hub's credentials at the provincial TIF gateway, per provider, for the REST providers it signs requests to
 * (粤政图, the exchange's base libraries). The application supplies one: the sandbox's published credentials, or
 * {@code hub.providers.<code>.paas-id} / {@code tif-token} outside the sandbox.
 */
@FunctionalInterface
public interface GatewayCredentials {

    /** @throws IllegalStateException naming the missing setting */
    TifCredentials of(Provider provider);
}
