package cn.gov.shanwei.enforcement.adapters.archviolation;

import org.springframework.beans.factory.annotation.Value;

/** Deliberately breaks the adapters' rules, so ModuleBoundariesTest can show they fail. Test sources only. */
public class AdapterWithSpring {

    @Value("${x}")
    String endpoint;
}
