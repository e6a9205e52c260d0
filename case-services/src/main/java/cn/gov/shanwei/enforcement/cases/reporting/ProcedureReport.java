package cn.gov.shanwei.enforcement.cases.reporting;

import java.time.Instant;
import java.util.UUID;

/**
 * A reportable moment of a coercive measure or an inspection, in the terms of the province's data standard; built in
 * the transaction of the step that caused it (ADR 0514). Each is one version of the procedure's record.
 */
public sealed interface ProcedureReport permits MeasureReport, InspectionReport {

    /** The procedure event that caused the report (its idempotency derives from it). */
    UUID eventId();

    /** When that event was recorded. */
    Instant eventAt();

    /** The procedure. */
    UUID procedureId();

    /** Its case number (案件编号). */
    String caseNumber();

    /** The enforcement subject that acts. */
    String subjectId();

    /** 事项编码: the legal purpose of the provincial call. */
    String matterCode();

    /** Six-digit 行政区划代码 of the procedure's place. */
    String regionCode();

    /** The record's version: 1 for the first reportable step, +1 for each one after it. */
    int version();
}
