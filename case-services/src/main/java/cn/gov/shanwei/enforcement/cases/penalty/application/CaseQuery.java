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
 */
public record CaseQuery(String stage, String matterCode, String partyName, String subjectId, LocalDate discoveredFrom,
                        LocalDate discoveredTo, String sort, boolean descending, int page, int size) {

    /** The fields a list may be sorted by. */
    public static final java.util.List<String> SORTABLE = java.util.List.of("updatedAt", "discoveredOn",
            "caseNumber", "fineFen");
}
