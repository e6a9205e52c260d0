package cn.gov.shanwei.enforcement.app.cases;

import cn.gov.shanwei.enforcement.adapters.common.ProviderException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderTransportException;
import cn.gov.shanwei.enforcement.cases.admin.application.AdministrationService;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerChange;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerRegistrySync;
import cn.gov.shanwei.enforcement.cases.admin.application.OfficerSyncReport;
import cn.gov.shanwei.enforcement.cases.admin.application.UnusableLibraryException;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.call.ProviderFailedException;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;

/**
 * The officer registry and the provincial 执法人员库 (ADMINISTRATOR): run the sync now, read its state, conflicts and
 * the officers missing upstream, and read an officer's audited changes.
 */
@RestController
@RequestMapping("/api/v1/admin/officers")
@Tag(name = "Administration", description = "Subjects, officers and certificates, matter catalogue (ADMINISTRATOR)")
public class OfficerSyncController extends CaseApiSupport {

    private final AdministrationService admin;
    private final OfficerSyncConfiguration.OfficerSyncRunner runner;

    public OfficerSyncController(AdministrationService admin, OfficerSyncConfiguration.OfficerSyncRunner runner) {
        this.admin = admin;
        this.runner = runner;
    }

    @PostMapping("/sync")
    @Operation(summary = "Sync the officers from the provincial 执法人员库 now (idempotent); the province leads on name, "
            + "执法证号, subject, validity, status and staff user; officers it no longer lists are flagged, kept; "
            + "conflicts are reported")
    public OfficerSyncReport sync() {
        OfficerRegistrySync s = configured();
        try {
            return s.sync();
        } catch (ProviderTransportException e) {
            throw new ProviderUnavailableException(Provider.IDENTITY, Duration.ofMinutes(1),
                    "The provincial 执法人员库 could not be reached; nothing was changed: " + e.getMessage(), e);
        } catch (ProviderException | UnusableLibraryException e) {
            throw new ProviderFailedException(Provider.IDENTITY, null,
                    "The provincial 执法人员库 answered unusably; nothing was changed: " + e.getMessage(), e);
        }
    }

    @GetMapping("/sync")
    @Operation(summary = "When the officers were last synced, every conflict recorded, and the officers missing "
            + "upstream")
    public SyncStatus syncStatus() {
        OfficerRegistrySync s = configured();
        return new SyncStatus(s.state(), s.conflicts(), s.missing());
    }

    @GetMapping("/{id}/changes")
    @Operation(summary = "The audited changes of an officer (执法人员变更记录): who, when, what (local and provincial)")
    public List<OfficerChange> changes(@PathVariable String id) {
        return admin.officerChanges(new OfficerId(id));
    }

    private OfficerRegistrySync configured() {
        return runner.sync().orElseThrow(() -> new ProviderUnavailableException(Provider.IDENTITY, Duration.ofHours(1),
                "The provincial 执法人员库 is not configured (hub.identity.enabled)", null));
    }

    /** The sync's state, the conflicts it recorded and the officers flagged as missing upstream. */
    record SyncStatus(OfficerRegistrySync.SyncState state, List<OfficerSyncReport.Conflict> conflicts,
                      List<OfficerRegistrySync.Missing> missingUpstream) {
    }
}
