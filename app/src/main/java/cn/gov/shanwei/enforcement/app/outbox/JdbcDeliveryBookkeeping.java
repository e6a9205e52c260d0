package cn.gov.shanwei.enforcement.app.outbox;

import cn.gov.shanwei.enforcement.app.messagelog.JdbcMessageLog;
import cn.gov.shanwei.enforcement.app.monitoring.JdbcCallRecorder;
import cn.gov.shanwei.enforcement.app.support.GroupCommit;
import cn.gov.shanwei.enforcement.routes.durable.Attempt;
import cn.gov.shanwei.enforcement.routes.durable.DeliveryBookkeeping;
import cn.gov.shanwei.enforcement.routes.durable.DeliveryLedger;
import cn.gov.shanwei.enforcement.routes.messagelog.LoggedExchange;
import cn.gov.shanwei.enforcement.routes.monitoring.CallRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A batch's book-keeping in one commit (ADR 0407): the ledger outcomes, the monitoring records and the message-log
 * entries of every attempt of the batch are written in one transaction of the book-keeping {@link GroupCommit}
 * (which other consumers' batches may share). If that transaction fails, the ledger outcomes are written again
 * alone, and the records and log entries each on their own: a monitoring record or message-log entry that cannot be
 * written never keeps a delivered effect from being settled.
 */
public class JdbcDeliveryBookkeeping implements DeliveryBookkeeping {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDeliveryBookkeeping.class);

    private final JdbcDeliveryLedger ledger;
    private final JdbcCallRecorder recorder;
    private final JdbcMessageLog messageLog;
    private final GroupCommit commits;

    public JdbcDeliveryBookkeeping(JdbcDeliveryLedger ledger, JdbcCallRecorder recorder, JdbcMessageLog messageLog,
                                   GroupCommit commits) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.messageLog = Objects.requireNonNull(messageLog, "messageLog");
        this.commits = Objects.requireNonNull(commits, "commits");
    }

    @Override
    public void settle(List<Attempt> attempts) {
        List<DeliveryLedger.Outcome> outcomes = new ArrayList<>();
        List<CallRecord> records = new ArrayList<>();
        List<LoggedExchange> exchanges = new ArrayList<>();
        for (Attempt attempt : attempts) {
            if (attempt.outcome() != null) {
                outcomes.add(attempt.outcome());
            }
            records.addAll(attempt.records());
            exchanges.addAll(attempt.exchanges());
        }
        List<JdbcMessageLog.Prepared> prepared;
        try {
            prepared = exchanges.stream().map(messageLog::prepare).toList();
        } catch (RuntimeException e) {
            prepared = null; // logged below, one by one
        }
        List<JdbcMessageLog.Prepared> logged = prepared;
        try {
            commits.run(() -> {
                ledger.write(outcomes);
                recorder.insertAll(records);
                if (logged != null) {
                    messageLog.write(logged);
                }
                return null;
            });
            if (logged == null) {
                exchanges.forEach(messageLog::append);
            }
        } catch (RuntimeException together) {
            LOG.warn("The book-keeping of a batch of {} could not be written in one transaction ({}); writing the"
                    + " ledger outcomes, monitoring records and message-log entries separately", attempts.size(),
                    together.toString());
            settleSeparately(attempts, outcomes, records, exchanges);
        }
        ledger.signalIfCompleted(outcomes);
    }

    private void settleSeparately(List<Attempt> attempts, List<DeliveryLedger.Outcome> outcomes,
                                  List<CallRecord> records, List<LoggedExchange> exchanges) {
        try {
            commits.run(() -> {
                ledger.write(outcomes);
                return null;
            });
        } catch (RuntimeException ledgerFailed) {
            LOG.error("The ledger outcomes of a batch of {} could not be stored; its messages come again and their"
                    + " calls are reconciled", attempts.size(), ledgerFailed);
            attempts.stream().filter(attempt -> attempt.outcome() != null)
                    .forEach(attempt -> attempt.notSettled(ledgerFailed));
        }
        records.forEach(recorder::record);
        exchanges.forEach(messageLog::append);
    }
}
