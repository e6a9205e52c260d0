package cn.gov.shanwei.enforcement.sdk.archviolation;

import cn.gov.shanwei.enforcement.domain.licence.LicenceId;
import org.springframework.web.client.RestClient;

/** Deliberately breaks the SDK's rules, so ModuleBoundariesTest can show they fail. Test sources only. */
public class SdkReachingIntoTheHub {

    LicenceId licenceId;

    RestClient restClient;
}
