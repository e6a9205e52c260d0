package cn.gov.shanwei.enforcement.cases.penalty.application;

import java.time.LocalDate;

/**
 * Filters, sort and page of a case list; null filters match everything.
 *
 * @param stage          PenaltyStage name
 * @param matterCode     exact matter code
 * @param partyName      part of the party's name
 * @param subjectId      one subject (within the caller's jurisdiction)
 * @param discoveredFrom first discovery day, inclusive
 * @param discoveredTo   last discovery day, inclusive
 * @param sort           one of {@link #SORTABLE}
 * @param descending     sort direction
 * @param page           0-based page
 * @param size           page size, 1..100
 * @param partyId        the party's full identifier (统一社会信用代码 or 身份证号; spaces and case ignored), matched
 *                       through its blind index (ADR 0530); never printed by {@link #toString()}
 */
public record CaseQuery(String stage, String matterCode, String partyName, String subjectId, LocalDate discoveredFrom,
                        LocalDate discoveredTo, String sort, boolean descending, int page, int size, String partyId) {

    /** A query without the party identifier. */
    public CaseQuery(String stage, String matterCode, String partyName, String subjectId, LocalDate discoveredFrom,
                     LocalDate discoveredTo, String sort, boolean descending, int page, int size) {
        this(stage, matterCode, partyName, subjectId, discoveredFrom, discoveredTo, sort, descending, page, size,
                null);
    }

    @Override
    public String toString() {
        return "CaseQuery[stage=" + stage + ", matterCode=" + matterCode + ", partyName=" + partyName + ", subjectId="
                + subjectId + ", discovered=" + discoveredFrom + ".." + discoveredTo + ", sort=" + sort
                + (descending ? " desc" : " asc") + ", page=" + page + ", size=" + size
                + (partyId == null ? "" : ", partyId=" + cn.gov.shanwei.enforcement.domain.common.PersonalDataMask
                .mask(partyId)) + "]";
    }

    /** The fields a list may be sorted by. */
    public static final java.util.List<String> SORTABLE = java.util.List.of("updatedAt", "discoveredOn",
            "caseNumber", "fineFen");
}
