package cn.gov.shanwei.enforcement.domain.archviolation;

import cn.gov.shanwei.enforcement.app.HubApplication;
import org.apache.camel.CamelContext;
import org.springframework.stereotype.Component;

/** Deliberately breaks the domain's rules, so ModuleBoundariesTest can show they fail. Test sources only. */
@Component
public class SpringInTheDomain {

    CamelContext camel;

    Class<?> app = HubApplication.class;
}
