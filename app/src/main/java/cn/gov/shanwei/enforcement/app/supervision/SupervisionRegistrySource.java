package cn.gov.shanwei.enforcement.app.supervision;

import cn.gov.shanwei.enforcement.supervision.readmodel.SupervisionRegistry;

/**
 * Where supervision reads the registries (执法主体库, 执法人员库) from, fresh for each request so that a subject or
 * officer registered on the case platform is seen at once.
 */
@FunctionalInterface
public interface SupervisionRegistrySource {

    /** The registries as they stand now. */
    SupervisionRegistry current();
}
