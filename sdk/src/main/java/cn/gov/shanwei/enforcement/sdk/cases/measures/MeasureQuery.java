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
 * @param partyId    only the party with this full 统一社会信用代码 or 身份证号 (spaces and case ignored; ADR 0530);
 *                   never printed by {@link #toString()}
 */
public record MeasureQuery(String stage, CoercionKind kind, String matterCode, String partyName, LocalDate takenFrom,
                           LocalDate takenTo, String sort, boolean descending, int page, int size, String partyId) {

    /** Validates paging; a {@code null} sort is the hub's default. */
    public MeasureQuery {
        Checks.requirePaging(page, size);
    }

    /** A query without a party identifier (as before {@code partyId} existed). */
    public MeasureQuery(String stage, CoercionKind kind, String matterCode, String partyName, LocalDate takenFrom,
            LocalDate takenTo, String sort, boolean descending, int page, int size) {
        this(stage, kind, matterCode, partyName, takenFrom, takenTo, sort, descending, page, size, null);
    }

    /** Only the measures of the party with this full identifier (当事人标识), within the caller's jurisdiction. */
    public MeasureQuery withPartyId(String partyId) {
        return new MeasureQuery(stage, kind, matterCode, partyName, takenFrom, takenTo, sort, descending, page, size,
                partyId);
    }

    /** The query with the party identifier masked: it is personal data. */
    @Override
    public String toString() {
        return "MeasureQuery[" + "stage=" + stage + ", "
                + "kind=" + kind + ", "
                + "matterCode=" + matterCode + ", "
                + "partyName=" + partyName + ", "
                + "takenFrom=" + takenFrom + ", "
                + "takenTo=" + takenTo + ", "
                + "sort=" + sort + ", "
                + "descending=" + descending + ", "
                + "page=" + page + ", "
                + "size=" + size + ", partyId=" + (partyId == null ? null : "***") + "]";
    }

    /** The first page of 20, most recently changed first, unfiltered. */
    public static MeasureQuery firstPage() {
        return new MeasureQuery(null, null, null, null, null, null, "updatedAt", true, 0, 20, null);
    }

    /** Only measures in {@code stage}. */
    public MeasureQuery withStage(String stage) {
        return new MeasureQuery(stage, kind, matterCode, partyName, takenFrom, takenTo, sort, descending, page, size,
                partyId);
    }

    /** Only measures of {@code kind}. */
    public MeasureQuery withKind(CoercionKind kind) {
        return new MeasureQuery(stage, kind, matterCode, partyName, takenFrom, takenTo, sort, descending, page, size,
                partyId);
    }

    /** Only measures of the matter {@code matterCode}. */
    public MeasureQuery withMatterCode(String matterCode) {
        return new MeasureQuery(stage, kind, matterCode, partyName, takenFrom, takenTo, sort, descending, page, size,
                partyId);
    }

    /** Only measures whose party's name contains {@code partyName}. */
    public MeasureQuery withPartyName(String partyName) {
        return new MeasureQuery(stage, kind, matterCode, partyName, takenFrom, takenTo, sort, descending, page, size,
                partyId);
    }

    /** Only measures taken within these days, both inclusive; either may be {@code null}. */
    public MeasureQuery withTakenBetween(LocalDate from, LocalDate to) {
        return new MeasureQuery(stage, kind, matterCode, partyName, from, to, sort, descending, page, size, partyId);
    }

    /** Sorted by {@code sort}, descending or not. */
    public MeasureQuery withSort(String sort, boolean descending) {
        return new MeasureQuery(stage, kind, matterCode, partyName, takenFrom, takenTo, sort, descending, page, size,
                partyId);
    }

    /** Page {@code page} (0-based) of {@code size}. */
    public MeasureQuery withPage(int page, int size) {
        return new MeasureQuery(stage, kind, matterCode, partyName, takenFrom, takenTo, sort, descending, page, size,
                partyId);
    }
}
