package cn.gov.shanwei.enforcement.sdk.cases.measures;

import cn.gov.shanwei.enforcement.sdk.internal.Checks;
import java.time.LocalDate;

/**
 * Filters, order and page of a measure list; every filter optional ({@code null}). Start from {@link #firstPage()}
 * and narrow it: {@code MeasureQuery.firstPage().withStage("IN_FORCE").withPage(0, 50)}.
 *
 * @param stage      only measures in this stage: {@code AWAITING_APPROVAL}, {@code IN_FORCE}, {@code RELEASED},
 *                   {@code DISPOSED}
 * @param kind       only this kind
 * @param matterCode only this matter
 * @param partyName  party name contains this
 * @param takenFrom  taken on or after
 * @param takenTo    taken on or before
 * @param sort       {@code updatedAt} (default), {@code openedOn}, {@code dueOn}, {@code caseNumber} or {@code stage}
 * @param descending newest first (default {@code true})
 * @param page       0-based page (default 0)
 * @param size       page size, 1–200 (default 20)
 */
public record MeasureQuery(String stage, CoercionKind kind, String matterCode, String partyName, LocalDate takenFrom,
                           LocalDate takenTo, String sort, boolean descending, int page, int size) {

    /** Validates paging; a {@code null} sort is the hub's default. */
    public MeasureQuery {
        Checks.requirePaging(page, size);
    }

    /** The first page of 20, most recently changed first, unfiltered. */
    public static MeasureQuery firstPage() {
        return new MeasureQuery(null, null, null, null, null, null, "updatedAt", true, 0, 20);
    }

    /** Only measures in {@code stage}. */
    public MeasureQuery withStage(String stage) {
        return new MeasureQuery(stage, kind, matterCode, partyName, takenFrom, takenTo, sort, descending, page, size);
    }

    /** Only measures of {@code kind}. */
    public MeasureQuery withKind(CoercionKind kind) {
        return new MeasureQuery(stage, kind, matterCode, partyName, takenFrom, takenTo, sort, descending, page, size);
    }

    /** Only measures of the matter {@code matterCode}. */
    public MeasureQuery withMatterCode(String matterCode) {
        return new MeasureQuery(stage, kind, matterCode, partyName, takenFrom, takenTo, sort, descending, page, size);
    }

    /** Only measures whose party's name contains {@code partyName}. */
    public MeasureQuery withPartyName(String partyName) {
        return new MeasureQuery(stage, kind, matterCode, partyName, takenFrom, takenTo, sort, descending, page, size);
    }

    /** Only measures taken within these days, both inclusive; either may be {@code null}. */
    public MeasureQuery withTakenBetween(LocalDate from, LocalDate to) {
        return new MeasureQuery(stage, kind, matterCode, partyName, from, to, sort, descending, page, size);
    }

    /** Sorted by {@code sort}, descending or not. */
    public MeasureQuery withSort(String sort, boolean descending) {
        return new MeasureQuery(stage, kind, matterCode, partyName, takenFrom, takenTo, sort, descending, page, size);
    }

    /** Page {@code page} (0-based) of {@code size}. */
    public MeasureQuery withPage(int page, int size) {
        return new MeasureQuery(stage, kind, matterCode, partyName, takenFrom, takenTo, sort, descending, page, size);
    }
}
