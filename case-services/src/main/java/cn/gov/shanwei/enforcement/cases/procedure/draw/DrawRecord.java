package cn.gov.shanwei.enforcement.cases.procedure.draw;

import cn.gov.shanwei.enforcement.domain.common.Sm3;
import cn.gov.shanwei.enforcement.domain.inspection.SpotCheckDraw;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A 双随机 draw as published (format {@value #FORMAT}): everything needed to repeat it — the draw id, the algorithm,
 * the seed, both pools as drawn from, the entity pool's SM3, how many inspectors go to each entity — and its result,
 * the assignments in draw order. Anyone holding this file can repeat the draw ({@link #irreproducibility()}, the
 * {@code repeat-draw} command, or the dozen lines of ADR 0106) and must get the same assignments.
 *
 * @param format              {@value #FORMAT}
 * @param drawId              the draw's number, e.g. SW-HF-SCJ随〔2026〕1号
 * @param algorithm           {@link SpotCheckDraw#ALGORITHM}
 * @param seed                the seed
 * @param entityPool          the entity pool (检查对象名录库 extract), sorted
 * @param entityPoolDigest    SM3 of the pool ids joined by "\n"
 * @param inspectorPool       the inspector pool (officer ids), sorted
 * @param inspectorsPerEntity inspectors drawn for each entity
 * @param assignments         the entities drawn, in draw order, each with its inspectors
 */
public record DrawRecord(String format, String drawId, String algorithm, String seed, List<String> entityPool,
                         String entityPoolDigest, List<String> inspectorPool, int inspectorsPerEntity,
                         List<Assignment> assignments) {

    /** The format name of a published draw. */
    public static final String FORMAT = "shanwei-inspection-draw/1";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /**
     * One entity drawn and its inspectors.
     *
     * @param entityId   the entity's id as in the pool
     * @param inspectors the officer ids drawn for it, in draw order
     */
    public record Assignment(String entityId, List<String> inspectors) {
        public Assignment {
            inspectors = inspectors == null ? List.of() : List.copyOf(inspectors);
        }
    }

    public DrawRecord {
        entityPool = entityPool == null ? List.of() : List.copyOf(entityPool);
        inspectorPool = inspectorPool == null ? List.of() : List.copyOf(inspectorPool);
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
    }

    /** The published form of {@code draw}. */
    public static DrawRecord of(SpotCheckDraw draw) {
        return new DrawRecord(FORMAT, draw.drawId(), draw.algorithm(), draw.seed(), draw.entityPool(),
                draw.entityPoolDigest().hex(), draw.inspectorPool().stream().map(OfficerId::value).toList(),
                draw.inspectorsPerEntity(), draw.assignments().stream().map(a -> new Assignment(a.entityId(),
                        a.inspectors().stream().map(OfficerId::value).toList())).toList());
    }

    /**
     * The domain's draw as recorded (not repeated).
     *
     * @throws IllegalArgumentException when a field cannot be part of any draw (missing, or a malformed digest)
     */
    public SpotCheckDraw toDraw() {
        if (drawId == null || algorithm == null || seed == null || entityPoolDigest == null) {
            throw new IllegalArgumentException("the record lacks its draw id, algorithm, seed or pool digest");
        }
        return new SpotCheckDraw(drawId, algorithm, seed, entityPool, new Sm3(entityPoolDigest),
                inspectorPool.stream().map(OfficerId::new).toList(), inspectorsPerEntity,
                assignments.stream().map(a -> new SpotCheckDraw.Assignment(Objects.requireNonNull(a.entityId(),
                        "entityId"), a.inspectors().stream().map(OfficerId::new).toList())).toList());
    }

    /**
     * Why repeating the draw from this record's own pools and seed does not give its assignments, or empty when it
     * does (the check of {@link SpotCheckDraw#irreproducibility()}, after the record's own form is checked).
     */
    public Optional<String> irreproducibility() {
        if (!FORMAT.equals(format)) {
            return Optional.of("the record's format is '" + format + "', not " + FORMAT);
        }
        try {
            return toDraw().irreproducibility();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.of("the record is not a draw: " + e.getMessage());
        }
    }

    /** The draw repeated from this record's pools and seed (what it should have given). */
    public DrawRecord repeated() {
        return of(SpotCheckDraw.draw(drawId, seed, entityPool, assignments.size(),
                inspectorPool.stream().map(OfficerId::new).toList(), inspectorsPerEntity));
    }

    /** The record as published JSON. */
    public byte[] json() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A record read from published JSON.
     *
     * @throws IOException when it is not JSON of this shape
     */
    public static DrawRecord read(InputStream in) throws IOException {
        return JSON.readValue(in, DrawRecord.class);
    }
}
