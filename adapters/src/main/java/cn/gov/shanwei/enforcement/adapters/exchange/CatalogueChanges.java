package cn.gov.shanwei.enforcement.adapters.exchange;

import java.util.List;

/**
 * The entries of 执法事项库 that changed after a given version, and the catalogue version they bring us to.
 *
 * @param catalogueVersion the version after applying these changes (store it; ask from it next time)
 * @param changed          changed entries, oldest change first
 */
public record CatalogueChanges(long catalogueVersion, List<CatalogueMatter> changed) {

    public CatalogueChanges {
        changed = List.copyOf(changed);
    }
}
