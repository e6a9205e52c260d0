package cn.gov.shanwei.enforcement.sdk.cases;

import cn.gov.shanwei.enforcement.sdk.internal.Checks;
import java.time.LocalDate;

/**
 * Filters, order and page of a case list; every filter optional. Build with {@link #builder()}.
 *
 * @param stage          only cases in this stage, for example {@code FILED}
 * @param matterCode     only this matter code
 * @param partyName      party name contains this
 * @param subjectId      only this enforcement subject
 * @param discoveredFrom discovered on or after
 * @param discoveredTo   discovered on or before
 * @param sort           field to sort by (default {@code updatedAt})
 * @param descending     newest first (default {@code true})
 * @param page           0-based page (default 0)
 * @param size           page size, 1–200 (default 20)
 * @param partyId        only the cases of the party with this full 统一社会信用代码 or 身份证号 (spaces and case
 *                       ignored; the hub answers 400 for one without a valid check character); never printed by
 *                       {@link #toString()}
 */
public record PenaltyCaseQuery(String stage, String matterCode, String partyName, String subjectId,
                               LocalDate discoveredFrom, LocalDate discoveredTo, String sort, boolean descending,
                               int page, int size, String partyId) {

    /** Validates paging. */
    public PenaltyCaseQuery {
        Checks.requirePaging(page, size);
    }

    /** A query without a party identifier (as before {@code partyId} existed). */
    public PenaltyCaseQuery(String stage, String matterCode, String partyName, String subjectId,
                            LocalDate discoveredFrom, LocalDate discoveredTo, String sort, boolean descending,
                            int page, int size) {
        this(stage, matterCode, partyName, subjectId, discoveredFrom, discoveredTo, sort, descending, page, size,
                null);
    }

    /** The query with the party identifier masked: it is personal data. */
    @Override
    public String toString() {
        return "PenaltyCaseQuery[stage=" + stage + ", matterCode=" + matterCode + ", partyName=" + partyName
                + ", subjectId=" + subjectId + ", discoveredFrom=" + discoveredFrom + ", discoveredTo=" + discoveredTo
                + ", sort=" + sort + ", descending=" + descending + ", page=" + page + ", size=" + size
                + ", partyId=" + (partyId == null ? null : "***") + "]";
    }

    /** The first page of 20, newest first, unfiltered. */
    public static PenaltyCaseQuery firstPage() {
        return builder().build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The same query for page {@code page}. */
    public PenaltyCaseQuery page(int page) {
        return new PenaltyCaseQuery(stage, matterCode, partyName, subjectId, discoveredFrom, discoveredTo, sort,
                descending, page, size, partyId);
    }

    /** Builds a {@link PenaltyCaseQuery}. Not thread-safe. */
    public static final class Builder {
        private String stage;
        private String matterCode;
        private String partyName;
        private String subjectId;
        private LocalDate discoveredFrom;
        private LocalDate discoveredTo;
        private String sort = "updatedAt";
        private boolean descending = true;
        private int page;
        private int size = 20;
        private String partyId;

        private Builder() {
        }

        /**
         * Only the cases of the party with this full identifier (当事人标识: 统一社会信用代码 or 身份证号), within the
         * caller's jurisdiction. Check {@link CasePage#incomplete()}: true while the hub is still indexing older cases.
         */
        public Builder partyId(String partyId) {
            this.partyId = partyId;
            return this;
        }

        /** Only cases in this stage. */
        public Builder stage(String stage) {
            this.stage = stage;
            return this;
        }

        /** Only this matter code. */
        public Builder matterCode(String matterCode) {
            this.matterCode = matterCode;
            return this;
        }

        /** Party name contains this. */
        public Builder partyName(String partyName) {
            this.partyName = partyName;
            return this;
        }

        /** Only this enforcement subject. */
        public Builder subjectId(String subjectId) {
            this.subjectId = subjectId;
            return this;
        }

        /** Discovered within these days, both inclusive; either may be {@code null}. */
        public Builder discovered(LocalDate from, LocalDate to) {
            this.discoveredFrom = from;
            this.discoveredTo = to;
            return this;
        }

        /** Sort by this field, descending or not. */
        public Builder sort(String sort, boolean descending) {
            this.sort = sort;
            this.descending = descending;
            return this;
        }

        /** 0-based page and page size. */
        public Builder page(int page, int size) {
            this.page = page;
            this.size = size;
            return this;
        }

        /** @throws IllegalArgumentException for a negative page or a size outside 1–200 */
        public PenaltyCaseQuery build() {
            return new PenaltyCaseQuery(stage, matterCode, partyName, subjectId, discoveredFrom, discoveredTo, sort,
                    descending, page, size, partyId);
        }
    }
}
