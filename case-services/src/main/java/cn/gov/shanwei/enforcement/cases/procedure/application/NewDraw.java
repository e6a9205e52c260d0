package cn.gov.shanwei.enforcement.cases.procedure.application;

import java.time.LocalDate;

/**
 * A 双随机 draw asked for: draw {@code entityCount} objects of the subject's catalogue for an inspection item and
 * {@code inspectorsPerEntity} of its certified officers for each.
 *
 * @param itemCode            the published inspection item (matter of kind INSPECTION)
 * @param plannedOn           the day the inspections are planned for (the catalogue and certificates are read as of it)
 * @param entityCount         how many objects to draw
 * @param inspectorsPerEntity how many inspectors go to each object (null: two)
 * @param seed                the seed made public for the draw (e.g. a number drawn in public); null: the hub draws one
 *                            from a SecureRandom and records it
 */
public record NewDraw(String itemCode, LocalDate plannedOn, Integer entityCount, Integer inspectorsPerEntity,
                      String seed) {
}
