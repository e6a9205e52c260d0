package cn.gov.shanwei.enforcement.domain.inspection;

import cn.gov.shanwei.enforcement.domain.common.SeededDraw;
import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.Optional;

/**
 * A 双随机 draw (随机抽取检查对象，随机选派执法检查人员): which entities of a pool are inspected and which inspectors go
 * to each, chosen by a published algorithm from a recorded seed, so that anyone holding the pools and the seed can
 * repeat the draw and get the same result (ADR 0106).
 *
 * <p>Algorithm {@value #ALGORITHM} ({@link SeededDraw}, shared with supervision's sampling): sort the pool (ids as
 * strings, ascending by UTF-16 code units, duplicates removed); for position {@code i = 0 .. k-1} compute
 * {@code h = SM3(seed + "|" + stream + "|" + i)} as an unsigned big-endian integer, let {@code j = i + h mod (n - i)}
 * and swap positions {@code i} and {@code j}; the first {@code k} ids are drawn, in that order. The entity stream is
 * {@code "entities"}; the inspectors of an entity are drawn from the inspector pool with the stream
 * {@code "inspectors|" + entityId}.
 *
 * @param drawId              the plan's id for this draw (e.g. 海市监随机〔2025〕3号)
 * @param algorithm           {@value #ALGORITHM}
 * @param seed                the seed, as published (e.g. a number drawn in public, or from a SecureRandom)
 * @param entityPool          the sorted entity pool (检查对象名录库 extract): unified social credit codes or ids
 * @param entityPoolDigest    SM3 of the pool ids joined by "\n", so a single inspection can cite the pool it came from
 * @param inspectorPool       the sorted inspector pool (执法检查人员名录库 extract)
 * @param inspectorsPerEntity how many inspectors go to each entity (at least two)
 * @param assignments         the entities drawn, in draw order, each with its inspectors
 */
public record SpotCheckDraw(String drawId, String algorithm, String seed, List<String> entityPool,
                            Sm3 entityPoolDigest, List<OfficerId> inspectorPool, int inspectorsPerEntity,
                            List<Assignment> assignments) {

    /** The name and version of the draw algorithm. */
    public static final String ALGORITHM = SeededDraw.ALGORITHM;

    /**
     * One entity drawn and the inspectors drawn for it.
     *
     * @param entityId   the entity's id as in the pool
     * @param inspectors the inspectors, in draw order
     */
    public record Assignment(String entityId, List<OfficerId> inspectors) {
        public Assignment {
            Objects.requireNonNull(entityId, "entityId");
            inspectors = List.copyOf(inspectors);
        }
    }

    public SpotCheckDraw {
        Objects.requireNonNull(drawId, "drawId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(seed, "seed");
        entityPool = List.copyOf(entityPool);
        Objects.requireNonNull(entityPoolDigest, "entityPoolDigest");
        inspectorPool = List.copyOf(inspectorPool);
        assignments = List.copyOf(assignments);
    }

    /**
     * Draws {@code entityCount} entities and, for each, {@code inspectorsPerEntity} inspectors.
     *
     * @throws IllegalArgumentException if a pool is smaller than what is drawn from it, or fewer than two
     *                                  inspectors are asked for
     */
    public static SpotCheckDraw draw(String drawId, String seed, Collection<String> entities, int entityCount,
                                     Collection<OfficerId> inspectors, int inspectorsPerEntity) {
        List<String> entityPool = List.copyOf(new TreeSet<>(entities));
        List<OfficerId> inspectorPool = inspectors.stream().map(OfficerId::value).distinct().sorted()
                .map(OfficerId::new).toList();
        if (inspectorsPerEntity < 2) {
            throw new IllegalArgumentException("at least two inspectors go to each entity");
        }
        if (entityCount < 1 || entityCount > entityPool.size()) {
            throw new IllegalArgumentException("cannot draw " + entityCount + " of " + entityPool.size() + " entities");
        }
        if (inspectorsPerEntity > inspectorPool.size()) {
            throw new IllegalArgumentException("cannot draw " + inspectorsPerEntity + " of " + inspectorPool.size()
                    + " inspectors");
        }
        List<Assignment> assignments = new ArrayList<>();
        for (String entity : SeededDraw.pick(seed, "entities", entityPool, entityCount)) {
            assignments.add(new Assignment(entity, SeededDraw.pick(seed, "inspectors|" + entity, inspectorPool,
                    inspectorsPerEntity)));
        }
        return new SpotCheckDraw(drawId, ALGORITHM, seed, entityPool, poolDigest(entityPool), inspectorPool,
                inspectorsPerEntity, assignments);
    }

    /** SM3 of the pool ids joined by "\n". */
    public static Sm3 poolDigest(List<String> sortedPool) {
        return Sm3.ofUtf8(String.join("\n", sortedPool));
    }

    /**
     * Why this recorded draw cannot be reproduced from its own pools and seed (a changed result, pool or digest), or
     * empty when repeating it gives exactly the recorded assignments.
     */
    public Optional<String> irreproducibility() {
        if (!ALGORITHM.equals(algorithm)) {
            return Optional.of("unknown draw algorithm " + algorithm);
        }
        if (!poolDigest(entityPool).equals(entityPoolDigest)) {
            return Optional.of("the entity pool does not match its recorded digest");
        }
        SpotCheckDraw again;
        try {
            again = draw(drawId, seed, entityPool, assignments.size(), inspectorPool, inspectorsPerEntity);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        return again.equals(this) ? Optional.empty()
                : Optional.of("repeating draw " + drawId + " with seed " + seed + " gives "
                + again.assignments().stream().map(Assignment::entityId).toList() + ", not the recorded "
                + assignments.stream().map(Assignment::entityId).toList() + " (or other inspectors)");
    }

    /** The assignment of {@code entityId}, if it was drawn. */
    public Optional<Assignment> assignmentOf(String entityId) {
        return assignments.stream().filter(a -> a.entityId().equals(entityId)).findFirst();
    }

    /** What an inspection opened from this draw records about it. */
    public DrawReference referenceFor(String entityId) {
        int position = assignments.stream().map(Assignment::entityId).toList().indexOf(entityId);
        if (position < 0) {
            throw new IllegalArgumentException(entityId + " was not drawn in " + drawId);
        }
        return new DrawReference(drawId, algorithm, seed, entityPoolDigest, position + 1);
    }
}
