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
 */
public record InspectionQuery(String stage, InspectionOrigin origin, String itemCode, String entityName,
                              LocalDate plannedFrom, LocalDate plannedTo, String sort, boolean descending, int page,
                              int size) {

    /** Validates paging; a {@code null} sort is the hub's default. */
    public InspectionQuery {
        Checks.requirePaging(page, size);
    }

    /** The first page of 20, most recently changed first, unfiltered. */
    public static InspectionQuery firstPage() {
        return new InspectionQuery(null, null, null, null, null, null, "updatedAt", true, 0, 20);
    }

    /** Only inspections in {@code stage}. */
    public InspectionQuery withStage(String stage) {
        return new InspectionQuery(stage, origin, itemCode, entityName, plannedFrom, plannedTo, sort, descending,
                page, size);
    }

    /** Only inspections of {@code origin}. */
    public InspectionQuery withOrigin(InspectionOrigin origin) {
        return new InspectionQuery(stage, origin, itemCode, entityName, plannedFrom, plannedTo, sort, descending,
                page, size);
    }

    /** Only inspections of the item {@code itemCode}. */
    public InspectionQuery withItemCode(String itemCode) {
        return new InspectionQuery(stage, origin, itemCode, entityName, plannedFrom, plannedTo, sort, descending,
                page, size);
    }

    /** Only inspections whose entity's name contains {@code entityName}. */
    public InspectionQuery withEntityName(String entityName) {
        return new InspectionQuery(stage, origin, itemCode, entityName, plannedFrom, plannedTo, sort, descending,
                page, size);
    }

    /** Only inspections planned within these days, both inclusive; either may be {@code null}. */
    public InspectionQuery withPlannedBetween(LocalDate from, LocalDate to) {
        return new InspectionQuery(stage, origin, itemCode, entityName, from, to, sort, descending, page, size);
    }

    /** Sorted by {@code sort}, descending or not. */
    public InspectionQuery withSort(String sort, boolean descending) {
        return new InspectionQuery(stage, origin, itemCode, entityName, plannedFrom, plannedTo, sort, descending,
                page, size);
    }

    /** Page {@code page} (0-based) of {@code size}. */
    public InspectionQuery withPage(int page, int size) {
        return new InspectionQuery(stage, origin, itemCode, entityName, plannedFrom, plannedTo, sort, descending,
                page, size);
    }
}
