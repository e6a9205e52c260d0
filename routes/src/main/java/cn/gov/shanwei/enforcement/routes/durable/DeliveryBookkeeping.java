package cn.gov.shanwei.enforcement.routes.durable;

import cn.gov.shanwei.enforcement.routes.messagelog.LoggedExchange;
import cn.gov.shanwei.enforcement.routes.messagelog.MessageLog;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecord;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static cn.gov.shanwei.enforcement.routes.support.Bookkeeping.afterSuccess;
import static cn.gov.shanwei.enforcement.routes.support.Bookkeeping.keepingPrimary;

/**
 * Writes what a batch of attempts leaves behind, after the provider calls and before the messages are acknowledged:
 * each attempt's outcome in the {@link DeliveryLedger}, its monitoring record and its message-log entries. The
 * application writes them all in one commit (ADR 0407).
 *
 * <p>Contract: returns once every ledger outcome is committed; an outcome that could not be stored is reported to its
 * attempt ({@link Attempt#notSettled}), so that its message is redelivered. A monitoring record or message-log entry
 * that cannot be written never changes an attempt's outcome.
 */
@FunctionalInterface
public interface DeliveryBookkeeping {

    void settle(List<Attempt> attempts);

    /**
     * One write after the other for each attempt, as a single delivery does them: the message log, the ledger, the
     * monitoring record. A failed attempt's own failure stays primary; failures of its book-keeping are attached to it
     * as suppressed.
     */
    static DeliveryBookkeeping separately(DeliveryLedger ledger, CallRecorder recorder, MessageLog messageLog) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(messageLog, "messageLog");
        return attempts -> {
            for (Attempt attempt : attempts) {
                DeliveryLedger.Outcome outcome = attempt.outcome();
                List<Runnable> logs = new ArrayList<>();
                for (LoggedExchange exchange : attempt.exchanges()) {
                    logs.add(() -> messageLog.append(exchange));
                }
                List<Runnable> records = new ArrayList<>();
                for (CallRecord record : attempt.records()) {
                    records.add(() -> recorder.record(record));
                }
                if (!attempt.delivered()) {
                    List<Runnable> steps = new ArrayList<>(logs);
                    if (outcome != null) {
                        steps.add(() -> ledger.settleAll(List.of(outcome)));
                    }
                    steps.addAll(records);
                    keepingPrimary(attempt.failure(), steps.toArray(Runnable[]::new));
                    continue;
                }
                logs.forEach(log -> afterSuccess("message log", log));
                if (outcome != null) {
                    try {
                        ledger.settleAll(List.of(outcome));
                    } catch (RuntimeException ledgerFailed) {
                        attempt.notSettled(ledgerFailed);
                        continue;
                    }
                }
                records.forEach(Runnable::run);
            }
        };
    }
}
