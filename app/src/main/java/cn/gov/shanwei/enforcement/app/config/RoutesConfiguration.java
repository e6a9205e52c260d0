package cn.gov.shanwei.enforcement.app.config;

import cn.gov.shanwei.enforcement.routes.config.BaseLibraryRouteConfiguration;
import cn.gov.shanwei.enforcement.routes.config.LicenceRouteConfiguration;
import cn.gov.shanwei.enforcement.routes.config.MapRouteConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The provider routes this hub runs; each provider's configuration lives in {@code routes}. */
@Configuration(proxyBeanMethods = false)
@Import({LicenceRouteConfiguration.class, MapRouteConfiguration.class, BaseLibraryRouteConfiguration.class})
public class RoutesConfiguration {
}
