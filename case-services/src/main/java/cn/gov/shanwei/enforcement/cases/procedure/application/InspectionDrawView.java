package cn.gov.shanwei.enforcement.cases.procedure.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A 双随机 draw as staff see it: what anyone needs to repeat it (algorithm, seed, the pool's SM3 and size, the inspector
 * pool), its result with the inspections it created, and the catalogue entries left out and why. Identifiers of
 * natural persons are masked; the published record ({@code …/record}) carries them whole.
 *
 * @param id                  the draw's id
 * @param drawId              its number, e.g. SW-HF-SCJ随〔2026〕1号
 * @param subjectId           the subject that drew
 * @param itemCode            the inspection item
 * @param itemVersion         the item's version in force on the planned day
 * @param plannedOn           the planned day
 * @param algorithm           e.g. SM3-FisherYates-v1
 * @param seed                the seed
 * @param entityPoolDigest    SM3 of the entity pool (ids joined by "\n")
 * @param poolSize            how many entities the pool held
 * @param inspectorsPerEntity inspectors per entity
 * @param inspectorPool       the officers drawn from
 * @param drawn               the entities drawn, in draw order
 * @param leftOut             catalogue entries not in the pool, and why
 * @param drawnBy             the officer who made the draw
 * @param drawnAt             when
 */
public record InspectionDrawView(UUID id, String drawId, String subjectId, String itemCode, int itemVersion,
                                 LocalDate plannedOn, String algorithm, String seed, String entityPoolDigest,
                                 int poolSize, int inspectorsPerEntity, List<String> inspectorPool, List<Drawn> drawn,
                                 List<LeftOut> leftOut, String drawnBy, Instant drawnAt) {

    /**
     * One entity drawn.
     *
     * @param position     its place in the draw order, from 1
     * @param entityId     its id (masked for a natural person)
     * @param entityName   its name in the catalogue
     * @param inspectors   the officers drawn for it
     * @param inspectionId the inspection planned for it
     * @param caseNumber   that inspection's number
     */
    public record Drawn(int position, String entityId, String entityName, List<String> inspectors, UUID inspectionId,
                        String caseNumber) {
    }

    /**
     * A catalogue entry not in the pool.
     *
     * @param objectId its id (masked for a natural person)
     * @param name     its name
     * @param reason   why it was left out
     */
    public record LeftOut(String objectId, String name, String reason) {
    }

    /**
     * The answer to repeating a draw.
     *
     * @param drawId      the draw
     * @param reproduced  whether repeating it from its record gives the recorded result, and every inspection it
     *                    created still cites it
     * @param problems    what differs, empty when reproduced
     * @param algorithm   the algorithm
     * @param seed        the seed
     * @param assignments the entities (masked as above) and inspectors the repetition gives, in order
     */
    public record Repetition(String drawId, boolean reproduced, List<String> problems, String algorithm, String seed,
                             List<Drawn> assignments) {
    }
}
