package cn.gov.shanwei.enforcement.sdk.cases.inspections;

import cn.gov.shanwei.enforcement.sdk.internal.Checks;
import java.time.LocalDate;

/**
 * Filters, order and page of an inspection list; every filter optional ({@code null}). Start from
 * {@link #firstPage()} and narrow it: {@code InspectionQuery.firstPage().withStage("PLANNED").withPage(0, 50)}.
 *
 * @param stage       only inspections in this stage: {@code PLANNED}, {@code INSPECTED}, {@code RECTIFYING},
 *                    {@code NOT_RECTIFIED}, {@code CLOSED}, {@code REFERRED}, {@code CANCELLED}
 * @param origin      only this origin
 * @param itemCode    only this inspection item
 * @param entityName  inspected entity's name contains this
 * @param plannedFrom planned on or after
 * @param plannedTo   planned on or before
 * @param sort        {@code updatedAt} (default), {@code openedOn}, {@code dueOn}, {@code caseNumber} or {@code stage}
 * @param descending  newest first (default {@code true})
 * @param page        0-based page (default 0)
 * @param size        page size, 1–200 (default 20)
 * @param partyId    only the party with this full 统一社会信用代码 or 身份证号 (spaces and case ignored; ADR 0530);
 *                   never printed by {@link #toString()}
 */
public record InspectionQuery(String stage, InspectionOrigin origin, String itemCode, String entityName,
                              LocalDate plannedFrom, LocalDate plannedTo, String sort, boolean descending, int page,
                              int size, String partyId) {

    /** Validates paging; a {@code null} sort is the hub's default. */
    public InspectionQuery {
        Checks.requirePaging(page, size);
    }

    /** A query without a party identifier (as before {@code partyId} existed). */
    public InspectionQuery(String stage, InspectionOrigin origin, String itemCode, String entityName,
            LocalDate plannedFrom, LocalDate plannedTo, String sort, boolean descending, int page, int size) {
        this(stage, origin, itemCode, entityName, plannedFrom, plannedTo, sort, descending, page, size, null);
    }

    /** Only the inspections of the party with this full identifier (当事人标识), within the caller's jurisdiction. */
    public InspectionQuery withPartyId(String partyId) {
        return new InspectionQuery(stage, origin, itemCode, entityName, plannedFrom, plannedTo, sort, descending,
                page, size, partyId);
    }

    /** The query with the party identifier masked: it is personal data. */
    @Override
    public String toString() {
        return "InspectionQuery[" + "stage=" + stage + ", "
                + "origin=" + origin + ", "
                + "itemCode=" + itemCode + ", "
                + "entityName=" + entityName + ", "
                + "plannedFrom=" + plannedFrom + ", "
                + "plannedTo=" + plannedTo + ", "
                + "sort=" + sort + ", "
                + "descending=" + descending + ", "
                + "page=" + page + ", "
                + "size=" + size + ", partyId=" + (partyId == null ? null : "***") + "]";
    }

    /** The first page of 20, most recently changed first, unfiltered. */
    public static InspectionQuery firstPage() {
        return new InspectionQuery(null, null, null, null, null, null, "updatedAt", true, 0, 20, null);
    }

    /** Only inspections in {@code stage}. */
    public InspectionQuery withStage(String stage) {
        return new InspectionQuery(stage, origin, itemCode, entityName, plannedFrom, plannedTo, sort, descending,
                page, size, partyId);
    }

    /** Only inspections of {@code origin}. */
    public InspectionQuery withOrigin(InspectionOrigin origin) {
        return new InspectionQuery(stage, origin, itemCode, entityName, plannedFrom, plannedTo, sort, descending,
                page, size, partyId);
    }

    /** Only inspections of the item {@code itemCode}. */
    public InspectionQuery withItemCode(String itemCode) {
        return new InspectionQuery(stage, origin, itemCode, entityName, plannedFrom, plannedTo, sort, descending,
                page, size, partyId);
    }

    /** Only inspections whose entity's name contains {@code entityName}. */
    public InspectionQuery withEntityName(String entityName) {
        return new InspectionQuery(stage, origin, itemCode, entityName, plannedFrom, plannedTo, sort, descending,
                page, size, partyId);
    }

    /** Only inspections planned within these days, both inclusive; either may be {@code null}. */
    public InspectionQuery withPlannedBetween(LocalDate from, LocalDate to) {
        return new InspectionQuery(stage, origin, itemCode, entityName, from, to, sort, descending, page, size,
                partyId);
    }

    /** Sorted by {@code sort}, descending or not. */
    public InspectionQuery withSort(String sort, boolean descending) {
        return new InspectionQuery(stage, origin, itemCode, entityName, plannedFrom, plannedTo, sort, descending,
                page, size, partyId);
    }

    /** Page {@code page} (0-based) of {@code size}. */
    public InspectionQuery withPage(int page, int size) {
        return new InspectionQuery(stage, origin, itemCode, entityName, plannedFrom, plannedTo, sort, descending,
                page, size, partyId);
    }
}
