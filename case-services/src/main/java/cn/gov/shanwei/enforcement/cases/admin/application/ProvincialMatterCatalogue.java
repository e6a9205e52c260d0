package cn.gov.shanwei.enforcement.cases.admin.application;

import java.util.List;
import java.util.Objects;

/**
 * Port: the provincial 执法事项库 (粤执法), read version by version. The hub's implementation calls the exchange's
 * base-library client; a failure to reach it is an unchecked exception, and the sync then changes nothing.
 */
public interface ProvincialMatterCatalogue {

    /** The entries changed after catalogue version {@code sinceVersion} (0: the whole catalogue), oldest first. */
    Changes changesSince(long sinceVersion);

    /**
     * One provincial entry.
     *
     * @param code    事项编码
     * @param name    事项名称
     * @param kind    {@code PENALTY}, {@code COERCION}, {@code INSPECTION} or another kind the hub does not handle
     * @param active  false once repealed (已废止)
     * @param version the catalogue version in which it last changed
     */
    record Entry(String code, String name, String kind, boolean active, long version) {
        public Entry {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * A page of changes.
     *
     * @param catalogueVersion the version these changes bring the catalogue to
     * @param changed          the changed entries
     */
    record Changes(long catalogueVersion, List<Entry> changed) {
        public Changes {
            changed = List.copyOf(changed);
        }
    }
}
