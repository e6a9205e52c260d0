package cn.gov.shanwei.enforcement.app.geo;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The map API's settings ({@code hub.geo.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GeoProperties.class)
public class GeoConfiguration {
}
