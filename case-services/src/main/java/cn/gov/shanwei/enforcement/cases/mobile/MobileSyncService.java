package cn.gov.shanwei.enforcement.cases.mobile;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.access.CaseAccessDeniedException;
import cn.gov.shanwei.enforcement.cases.penalty.application.DigestedEvidence;
import cn.gov.shanwei.enforcement.cases.penalty.application.FilingChecks;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseDetail;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCommand;
import cn.gov.shanwei.enforcement.cases.procedure.application.CoerciveMeasureService;
import cn.gov.shanwei.enforcement.cases.procedure.application.InspectionService;
import cn.gov.shanwei.enforcement.cases.procedure.application.ProcedureDetail;
import cn.gov.shanwei.enforcement.cases.shared.ConcurrentEditException;
import cn.gov.shanwei.enforcement.cases.shared.Flushing;
import cn.gov.shanwei.enforcement.cases.shared.RuleViolationException;
import cn.gov.shanwei.enforcement.domain.call.ProviderFailedException;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.penalty.EvidenceLocation;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Applies batches captured offline on a device (移动办案): each item in its own transaction, in order, so one
 * refused item does not undo the others; an applied item is remembered by its device-made id in the same
 * transaction as its change, so a re-sent batch applies nothing twice. Failed items are not remembered: the device
 * may fix and re-send them.
 *
 * <p>A filing asks the province (立案核查) <em>before</em> its item's transaction opens, as the REST filing does
 * ({@link PenaltyCaseService#checkFiling}): a slow or unreachable province holds no database connection, a mismatch
 * is the item's REJECTED and an unreachable province its UNAVAILABLE; the other items are applied as usual.
 *
 * <p>Coercive measures and inspections are taken and stepped through the same services as their REST endpoints (role,
 * own subject, certificate, If-Match); a created one takes the item's id. Evidence arrives one item per upload
 * ({@link #applyEvidence}): its SM3 is computed here and compared with the device's before anything is stored, and
 * 粤政图 is asked before the item's transaction opens, as for the REST upload (ADR 0513).
 */
public class MobileSyncService {

    private static final Logger LOG = LoggerFactory.getLogger(MobileSyncService.class);

    /** Largest batch accepted. */
    public static final int MAX_ITEMS = 100;

    /** The kinds of item a record made before the kind was remembered (V94) may be. */
    private static final Set<String> UNRECORDED_KINDS = Set.of(SyncItem.Kind.LEAD.name(), SyncItem.Kind.STEP.name());

    private final PenaltyCaseService cases;
    private final CoerciveMeasureService measures;
    private final InspectionService inspections;
    private final EntityManager em;
    private final TransactionTemplate perItem;
    private final TransactionTemplate lookUp;
    private final Clock clock;

    /**
     * A sync of penalty cases only: measure, inspection and their evidence items are refused as INVALID.
     *
     * @param cases        the penalty workflow
     * @param em           the persistence context
     * @param transactions the transaction manager (one new transaction per item)
     * @param clock        the clock
     */
    public MobileSyncService(PenaltyCaseService cases, EntityManager em, PlatformTransactionManager transactions,
                             Clock clock) {
        this(cases, null, null, em, transactions, clock);
    }

    /**
     * @param cases        the penalty workflow
     * @param measures     the coercive-measure workflow (null: its items are INVALID)
     * @param inspections  the inspection workflow (null: its items are INVALID)
     * @param em           the persistence context
     * @param transactions the transaction manager (one new transaction per item)
     * @param clock        the clock
     */
    public MobileSyncService(PenaltyCaseService cases, CoerciveMeasureService measures,
                             InspectionService inspections, EntityManager em, PlatformTransactionManager transactions,
                             Clock clock) {
        this.cases = cases;
        this.measures = measures;
        this.inspections = inspections;
        this.em = em;
        this.perItem = new TransactionTemplate(transactions);
        this.perItem.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.lookUp = new TransactionTemplate(transactions);
        this.lookUp.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.lookUp.setReadOnly(true);
        this.clock = clock;
    }

    /** Applies {@code items} for {@code actor} from {@code deviceId}; one result per item, in order. */
    public List<SyncResult> apply(Actor actor, String deviceId, List<SyncItem> items) {
        checkDevice(deviceId);
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new DomainValidationException("items", "must hold 1 to " + MAX_ITEMS + " items");
        }
        List<SyncResult> results = new ArrayList<>();
        for (SyncItem item : items) {
            results.add(applyOne(actor, deviceId, item));
        }
        return results;
    }

    /**
     * Applies one evidence item uploaded on its own (its file is too large for a batch), with the same guarantees as
     * a batch item: the file's SM3 is computed here and an item whose digest differs from the device's is INVALID with
     * nothing stored; a re-send of an applied item (same officer, same file) is a DUPLICATE that stores nothing again.
     */
    public SyncResult applyEvidence(Actor actor, String deviceId, SyncItem.Evidence item) {
        checkDevice(deviceId);
        return applyOne(actor, deviceId, item);
    }

    /**
     * Checks the id a device sends itself under.
     *
     * @throws DomainValidationException (field {@code deviceId}) when it is not 1 to 64 letters, digits, '.', '_', '-'
     */
    public static void checkDevice(String deviceId) {
        if (deviceId == null || !deviceId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new DomainValidationException("deviceId", "must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    private SyncResult applyOne(Actor actor, String deviceId, SyncItem item) {
        try {
            String contentSm3 = null;
            DigestedEvidence arrived = null;
            if (item instanceof SyncItem.Evidence e) {
                // As the REST upload: computed on arrival, once; the same digest is the one stored.
                arrived = DigestedEvidence.of(e.evidence());
                contentSm3 = arrived.digest().hex();
                if (!contentSm3.equals(e.deviceSm3().hex())) {
                    return failed(item, SyncResult.Outcome.INVALID, "sm3: the file that arrived has SM3 " + contentSm3
                            + ", not the " + e.deviceSm3().hex() + " the device computed; nothing was stored: send "
                            + "the file again");
                }
            }
            String sm3 = contentSm3;
            FilingChecks.Checked prechecked = null;
            Optional<EvidenceLocation> located = Optional.empty();
            if (item instanceof SyncItem.Step s && s.command() instanceof PenaltyCommand.File
                    || item instanceof SyncItem.Evidence) {
                // A re-sent filing or evidence item is answered from the record, without asking the province or
                // the map again (and without storing the file again).
                Optional<SyncResult> earlier = lookUp.execute(status -> earlier(actor, item, sm3));
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            if (item instanceof SyncItem.Step s && s.command() instanceof PenaltyCommand.File filing) {
                prechecked = cases.checkFiling(actor, s.caseId(), filing);   // no transaction, no connection held
            } else if (item instanceof SyncItem.Evidence e) {
                located = locate(actor, e);   // 粤政图 asked outside any transaction, for a bounded time (ADR 0513)
            }
            FilingChecks.Checked checked = prechecked;
            Optional<EvidenceLocation> locatedNow = located;
            DigestedEvidence file = arrived;
            return perItem.execute(status -> {
                Optional<SyncResult> earlier = earlier(actor, item, sm3);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
                Applied applied = applyNow(actor, item, checked, locatedNow, file);
                em.persist(new SyncItemEntity(item.clientId(), actor.officer().id().value(), deviceId,
                        applied.caseId(), applied.version(), clock.instant(), item.kind(), sm3));
                // A concurrent send of the same item that committed first takes the id: CONFLICT, all rolled back.
                Flushing.flush(em, "The item " + item.clientId());
                return new SyncResult(item.clientId(), SyncResult.Outcome.APPLIED, applied.caseId(),
                        applied.version(), "");
            });
        } catch (ConcurrentEditException | DataIntegrityViolationException e) {
            boolean creation = item instanceof SyncItem.Creation;
            // A creation takes the item's id as the new case's: losing that race means another send of an item with
            // this id committed first, not that someone edited a case.
            return failed(item, SyncResult.Outcome.CONFLICT, e instanceof ConcurrentEditException && !creation
                    ? e.getMessage() : "the item id " + item.clientId() + " was taken by another send at the same "
                    + "moment: send the item again to get that send's outcome");
        } catch (RuleViolationException e) {
            return failed(item, SyncResult.Outcome.REJECTED, e.getMessage());
        } catch (ProviderUnavailableException e) {
            return failed(item, SyncResult.Outcome.UNAVAILABLE, "a provincial service (" + e.provider().code()
                    + ") could not answer, so nothing was applied: send the item again in "
                    + Math.max(1, e.retryAfter().toSeconds()) + " s or later");
        } catch (ProviderFailedException e) {
            return failed(item, SyncResult.Outcome.REJECTED, "a provincial service (" + e.provider().code()
                    + ") refused the check: " + e.getMessage());
        } catch (CaseAccessDeniedException e) {
            return failed(item, SyncResult.Outcome.DENIED, e.getMessage());
        } catch (DomainValidationException e) {
            return failed(item, SyncResult.Outcome.INVALID, e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            // A value the domain's constructors refuse (or a field the device left out): the item, not the batch.
            return failed(item, SyncResult.Outcome.INVALID, "the item is malformed: " + String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            // Anything else ends this item only: the items before it are committed, the ones after it still run.
            LOG.error("Sync item {} from device {} failed unexpectedly", item.clientId(), deviceId, e);
            return failed(item, SyncResult.Outcome.REJECTED, "the item could not be applied because of an internal "
                    + "error (reference " + item.clientId() + "); it was logged for the administrators");
        }
    }

    /** The case or procedure an applied item produced, at its version after the item. */
    private record Applied(UUID caseId, long version) {
        static Applied of(PenaltyCaseDetail detail) {
            return new Applied(detail.summary().id(), detail.summary().version());
        }

        static Applied of(ProcedureDetail<?> detail) {
            return new Applied(detail.summary().id(), detail.summary().version());
        }
    }

    /**
     * The item through the service its REST endpoint uses, in the item's transaction; an evidence item's file with the
     * digest computed on its arrival ({@code arrived}).
     */
    private Applied applyNow(Actor actor, SyncItem item, FilingChecks.Checked prechecked,
                             Optional<EvidenceLocation> located, DigestedEvidence arrived) {
        if (item instanceof SyncItem.Lead lead) {
            return Applied.of(cases.registerLead(actor, lead.lead(), lead.clientId()));
        }
        if (item instanceof SyncItem.Step step) {
            return Applied.of(cases.execute(actor, step.caseId(), step.expectedVersion(), step.command(),
                    prechecked));
        }
        if (item instanceof SyncItem.Measure m) {
            return Applied.of(measures().impose(actor, m.measure(), m.clientId()));
        }
        if (item instanceof SyncItem.MeasureStep step) {
            return Applied.of(measures().execute(actor, step.caseId(), step.expectedVersion(), step.command()));
        }
        if (item instanceof SyncItem.Inspection i) {
            return Applied.of(inspections().plan(actor, i.inspection(), i.clientId()));
        }
        if (item instanceof SyncItem.InspectionStep step) {
            return Applied.of(inspections().execute(actor, step.caseId(), step.expectedVersion(), step.command()));
        }
        SyncItem.Evidence e = (SyncItem.Evidence) item;
        switch (e.target()) {
            case PENALTY:
                return Applied.of(cases.recordEvidence(actor, e.caseId(), e.expectedVersion(), arrived, located));
            case MEASURE:
                return Applied.of(measures().recordEvidence(actor, e.caseId(), e.expectedVersion(), arrived, located));
            default:
                return Applied.of(inspections().recordEvidence(actor, e.caseId(), e.expectedVersion(), arrived,
                        located));
        }
    }

    private Optional<EvidenceLocation> locate(Actor actor, SyncItem.Evidence e) {
        switch (e.target()) {
            case PENALTY:
                return cases.locateEvidence(actor, e.caseId(), e.evidence().place());
            case MEASURE:
                return measures().locateEvidence(actor, e.caseId(), e.evidence().place());
            default:
                return inspections().locateEvidence(actor, e.caseId(), e.evidence().place());
        }
    }

    private CoerciveMeasureService measures() {
        if (measures == null) {
            throw new DomainValidationException("type", "this platform takes no coercive measures");
        }
        return measures;
    }

    private InspectionService inspections() {
        if (inspections == null) {
            throw new DomainValidationException("type", "this platform takes no inspections");
        }
        return inspections;
    }

    /**
     * The answer to an item applied before: DUPLICATE for the same officer re-sending the same item; CONFLICT when
     * the id was used by another officer, for another kind of item, or for another file.
     */
    private Optional<SyncResult> earlier(Actor actor, SyncItem item, String contentSm3) {
        SyncItemEntity seen = em.find(SyncItemEntity.class, item.clientId());
        if (seen == null) {
            return Optional.empty();
        }
        boolean sameKind = seen.itemKind() == null ? UNRECORDED_KINDS.contains(item.kind().name())
                : seen.itemKind().equals(item.kind().name());
        if (!seen.officerId().equals(actor.officer().id().value()) || !sameKind
                || !Objects.equals(seen.contentSm3(), contentSm3)) {
            return Optional.of(failed(item, SyncResult.Outcome.CONFLICT, "the item id " + item.clientId()
                    + " was already used" + (seen.officerId().equals(actor.officer().id().value()) && sameKind
                    ? " for another file" : "") + ": make a new one"));
        }
        return Optional.of(new SyncResult(item.clientId(), SyncResult.Outcome.DUPLICATE, seen.caseId(),
                seen.caseVersion(), ""));
    }

    private static SyncResult failed(SyncItem item, SyncResult.Outcome outcome, String detail) {
        // A creation that failed created nothing: no case to name.
        return new SyncResult(item.clientId(), outcome, item instanceof SyncItem.Creation ? null : item.caseId(), null,
                detail);
    }
}
