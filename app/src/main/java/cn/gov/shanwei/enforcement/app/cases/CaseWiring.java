package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.cases.config.CaseServicesConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Brings the case platform (module case-services) into the hub. */
@Configuration(proxyBeanMethods = false)
@Import(CaseServicesConfiguration.class)
public class CaseWiring {
}
