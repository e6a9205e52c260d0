package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.app.cases.AdminBodies.MatterResponse;
import cn.gov.shanwei.enforcement.app.cases.AdminBodies.MatterVersionBody;
import cn.gov.shanwei.enforcement.app.cases.AdminBodies.OfficerBody;
import cn.gov.shanwei.enforcement.app.cases.AdminBodies.OfficerResponse;
import cn.gov.shanwei.enforcement.app.cases.AdminBodies.RegionBody;
import cn.gov.shanwei.enforcement.app.cases.AdminBodies.RegionResponse;
import cn.gov.shanwei.enforcement.app.cases.AdminBodies.SubjectBody;
import cn.gov.shanwei.enforcement.app.cases.AdminBodies.SubjectResponse;
import cn.gov.shanwei.enforcement.app.cases.PenaltyCaseController.Direction;
import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.MatterCatalogueSync;
import cn.gov.shanwei.enforcement.cases.admin.application.MatterChange;
import cn.gov.shanwei.enforcement.cases.admin.application.MatterChangeNote;
import cn.gov.shanwei.enforcement.cases.admin.application.MatterSyncReport;
import cn.gov.shanwei.enforcement.cases.admin.application.RegistryQuery;
import cn.gov.shanwei.enforcement.cases.penalty.application.CasePage;
import cn.gov.shanwei.enforcement.adapters.common.ProviderException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.call.ProviderFailedException;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.domain.matter.MatterVersion;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import cn.gov.shanwei.enforcement.cases.admin.application.Versioned;
import cn.gov.shanwei.enforcement.cases.shared.NotFoundException;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import cn.gov.shanwei.enforcement.domain.matter.EnforcementMatter;
import cn.gov.shanwei.enforcement.domain.matter.MatterCode;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.subject.EnforcementSubject;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Administration of the case platform (ADMINISTRATOR role): areas, enforcement subjects, officers with certificates
 * and roles, and the matter catalogue with versions. Changes take the version read as {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Administration", description = "Subjects, officers and certificates, matter catalogue (ADMINISTRATOR)")
public class AdminController extends CaseApiSupport {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AdministrationService admin;
    private final MatterCatalogueSyncConfiguration.MatterSyncRunner syncRunner;
    private final Clock clock;

    /**
     * @param admin      the registry
     * @param syncRunner the sync from the provincial 执法事项库, if configured
     * @param clock      today
     */
    public AdminController(AdministrationService admin, MatterCatalogueSyncConfiguration.MatterSyncRunner syncRunner,
                           Clock clock) {
        this.admin = admin;
        this.syncRunner = syncRunner;
        this.clock = clock;
    }

    @GetMapping("/regions")
    @Operation(summary = "List the areas (city, counties, towns)")
    public List<RegionResponse> regions() {
        return admin.regions().stream().map(RegionResponse::of).toList();
    }

    @PostMapping("/regions")
    @Operation(summary = "Add an area below an existing one")
    public ResponseEntity<RegionResponse> addRegion(@Valid @RequestBody RegionBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(RegionResponse.of(admin.addRegion(body.toDomain())));
    }

    @GetMapping("/subjects")
    @Operation(summary = "List the enforcement subjects (执法主体), filtered, sorted and paged", description = """
            `q` matches any part of the id or name, ignoring case; `regionCode` keeps the subjects of that area and             of the areas below it. `sort` is `id` or `name`, ties broken by id; `total` is exact.""")
    public CasePage<SubjectResponse> subjects(@RequestParam(required = false) String q,
                                              @RequestParam(required = false) String regionCode,
                                              @RequestParam(defaultValue = "id") String sort,
                                              @RequestParam(defaultValue = "ASC") Direction direction,
                                              @RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "20") int size) {
        return admin.subjects(registryQuery(q, sort, direction, page, size), regionCode)
                .map(v -> SubjectResponse.of(v.value(), v.version()));
    }

    private static RegistryQuery registryQuery(String q, String sort, Direction direction, int page, int size) {
        return new RegistryQuery(q, sort, direction == Direction.DESC, page, size);
    }

    @GetMapping("/subjects/{id}")
    @Operation(summary = "Read one subject")
    public ResponseEntity<SubjectResponse> subject(@PathVariable String id) {
        return subjectResponse(HttpStatus.OK, admin.subject(new SubjectId(id)));
    }

    @PostMapping("/subjects")
    @Operation(summary = "Register a subject in a known area")
    public ResponseEntity<SubjectResponse> createSubject(@Valid @RequestBody SubjectBody body) {
        return subjectResponse(HttpStatus.CREATED, admin.createSubject(body.toDomain()));
    }

    @PutMapping("/subjects/{id}")
    @Operation(summary = "Replace a subject (If-Match: the version read)")
    public ResponseEntity<SubjectResponse> updateSubject(@PathVariable String id, @Valid @RequestBody SubjectBody body,
                                                         @RequestHeader("If-Match") String ifMatch) {
        requireSameId(id, body.id());
        return subjectResponse(HttpStatus.OK, admin.updateSubject(body.toDomain(), ifMatch(ifMatch)));
    }

    private static ResponseEntity<SubjectResponse> subjectResponse(HttpStatus status,
                                                                   Versioned<EnforcementSubject> v) {
        return ResponseEntity.status(status).eTag(etag(v.version())).body(SubjectResponse.of(v.value(), v.version()));
    }

    @GetMapping("/officers")
    @Operation(summary = "List officers (执法人员), optionally of one subject, filtered, sorted and paged",
            description = """
            `q` matches any part of the id or name, ignoring case. `sort` is `id` or `name`, ties broken by id;             `total` is exact. Identity numbers and phones are masked.""")
    public CasePage<OfficerResponse> officers(@RequestParam(required = false) String subjectId,
                                              @RequestParam(required = false) String q,
                                              @RequestParam(defaultValue = "id") String sort,
                                              @RequestParam(defaultValue = "ASC") Direction direction,
                                              @RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "20") int size) {
        return admin.officers(registryQuery(q, sort, direction, page, size),
                subjectId == null || subjectId.isBlank() ? null : new SubjectId(subjectId)).map(OfficerResponse::of);
    }

    @GetMapping("/officers/{id}")
    @Operation(summary = "Read one officer (personal data masked)")
    public ResponseEntity<OfficerResponse> officer(@PathVariable String id) {
        OfficerResponse o = admin.officer(new OfficerId(id)).map(OfficerResponse::of)
                .orElseThrow(() -> new NotFoundException("No officer " + id));
        return ResponseEntity.ok().eTag(etag(o.version())).body(o);
    }

    @PostMapping("/officers")
    @Operation(summary = "Register an officer with certificate and roles")
    public ResponseEntity<OfficerResponse> createOfficer(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                         @Valid @RequestBody OfficerBody body) {
        OfficerResponse o = OfficerResponse.of(admin.createOfficer(body.toDomain(), actor.officer().id().value()));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(etag(o.version())).body(o);
    }

    @PutMapping("/officers/{id}")
    @Operation(summary = "Replace an officer: renew a certificate, change roles (If-Match: the version read)")
    public ResponseEntity<OfficerResponse> updateOfficer(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                         @PathVariable String id, @Valid @RequestBody OfficerBody body,
                                                         @RequestHeader("If-Match") String ifMatch) {
        requireSameId(id, body.id());
        OfficerResponse o = OfficerResponse.of(admin.updateOfficer(body.toDomain(), ifMatch(ifMatch),
                actor.officer().id().value()));
        return ResponseEntity.ok().eTag(etag(o.version())).body(o);
    }

    @GetMapping("/matters")
    @Operation(summary = "The matter catalogue (执法事项) with every version, filtered and paged by code",
            description = """
            `q` matches any part of the code or of any version's name, ignoring case. `sort` is `code`; `total` is             exact.""")
    public CasePage<MatterResponse> matters(@RequestParam(required = false) String q,
                                            @RequestParam(defaultValue = "code") String sort,
                                            @RequestParam(defaultValue = "ASC") Direction direction,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "20") int size) {
        return admin.matters(registryQuery(q, sort, direction, page, size)).map(AdminController::matterResponse);
    }

    @GetMapping("/matters/{code}")
    @Operation(summary = "One matter with every version")
    public ResponseEntity<MatterResponse> matter(@PathVariable String code) {
        MatterResponse m = matterResponse(admin.matter(new MatterCode(code)));
        return ResponseEntity.ok().eTag(etag(m.version())).body(m);
    }

    @PostMapping("/matters")
    @Operation(summary = "Add a matter as active version 1 (新增); reason required, audited")
    public ResponseEntity<MatterResponse> addMatter(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                    @Valid @RequestBody MatterVersionBody body) {
        MatterResponse m = matterResponse(admin.addMatter(body.toDomain(), note(actor, body)));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(etag(m.version())).body(m);
    }

    @PostMapping("/matters/{code}/versions")
    @Operation(summary = "Adjust, suspend, resume or cancel a matter by adding its next version (If-Match); reason "
            + "required, audited")
    public ResponseEntity<MatterResponse> adjustMatter(@Parameter(hidden = true) @AuthenticationPrincipal Actor actor,
                                                       @PathVariable String code,
                                                       @Valid @RequestBody MatterVersionBody body,
                                                       @RequestHeader("If-Match") String ifMatch) {
        requireSameId(code, body.code());
        MatterResponse m = matterResponse(admin.adjustMatter(body.toDomain(), ifMatch(ifMatch), note(actor, body)));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(etag(m.version())).body(m);
    }

    @GetMapping("/matters/{code}/changes")
    @Operation(summary = "The audited changes of a matter (事项变更记录): who, when, what, why")
    public List<MatterChange> matterChanges(@PathVariable String code) {
        return admin.matterChanges(new MatterCode(code));
    }

    @GetMapping("/matters/supervision-items")
    @Operation(summary = "The correspondence of matters with 互联网+监管 items on a day (default today), optionally of "
            + "one item")
    public List<SupervisionItemMapping> supervisionItems(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String item) {
        LocalDate day = on == null ? LocalDate.now(clock.withZone(CHINA)) : on;
        return admin.supervisionItemMapping(day, item).stream().map(SupervisionItemMapping::of).toList();
    }

    @PostMapping("/matters/sync")
    @Operation(summary = "Sync the catalogue from the provincial 执法事项库 now (idempotent); conflicts are reported")
    public MatterSyncReport syncMatters() {
        MatterCatalogueSync s = sync();
        try {
            return s.sync();
        } catch (ProviderTransportException e) {
            throw new ProviderUnavailableException(Provider.EXCHANGE, Duration.ofMinutes(1),
                    "The provincial 执法事项库 could not be reached; nothing was changed: " + e.getMessage(), e);
        } catch (ProviderException e) {
            throw new ProviderFailedException(Provider.EXCHANGE, null,
                    "The provincial 执法事项库 answered unusably; nothing was changed: " + e.getMessage(), e);
        }
    }

    @GetMapping("/matters/sync")
    @Operation(summary = "The provincial catalogue version reached and every conflict recorded")
    public SyncStatus matterSyncStatus() {
        MatterCatalogueSync s = sync();
        return new SyncStatus(s.state(), s.conflicts());
    }

    private MatterCatalogueSync sync() {
        return syncRunner.sync().orElseThrow(() -> new ProviderUnavailableException(Provider.EXCHANGE,
                Duration.ofHours(1), "The provincial 执法事项库 is not configured (hub.matter-sync.endpoint)", null));
    }

    private static MatterChangeNote note(Actor actor, MatterVersionBody body) {
        return new MatterChangeNote(actor.officer().id().value(), body.reason());
    }

    /** The sync's position and the conflicts it recorded. */
    record SyncStatus(MatterCatalogueSync.SyncState state, List<MatterSyncReport.Conflict> conflicts) {
    }

    /** One matter version in force and its 互联网+监管 item. */
    record SupervisionItemMapping(String supervisionItemCode, String matterCode, int matterVersion, String name,
                                  String status, LocalDate effectiveFrom) {
        static SupervisionItemMapping of(MatterVersion v) {
            return new SupervisionItemMapping(v.supervisionItemCode(), v.code().value(), v.version(), v.name(),
                    v.status().name(), v.effectiveFrom());
        }
    }

    private static MatterResponse matterResponse(Versioned<EnforcementMatter> v) {
        return MatterResponse.of(v.value(), v.version());
    }

    private static void requireSameId(String inPath, String inBody) {
        if (!inPath.equals(inBody)) {
            throw new DomainValidationException("id", "the body names " + inBody + " but the path " + inPath);
        }
    }
}
