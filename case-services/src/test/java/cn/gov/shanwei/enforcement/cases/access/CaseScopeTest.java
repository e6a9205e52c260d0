package cn.gov.shanwei.enforcement.cases.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An area's path goes into a {@code like} as it is, so it must be a path of region codes and nothing else. */
class CaseScopeTest {

    @ParameterizedTest
    @ValueSource(strings = {"/441500/", "/441500/441521/", "/441500/441521/441521001/", "/441500/441500-HHW/"})
    void aPathOfRegionCodes_isAnArea(String path) {
        assertThat(new CaseScope.Area(path).regionPathPrefix()).isEqualTo(path);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "/", "441500/", "/441500", "/441500/%/", "/4415_0/", "/441500/44152%/", "/44150/",
            "/441500//", "/441500/441521\\/", "/441500/hhw/"})
    void anythingElse_isRefused(String path) {
        assertThatThrownBy(() -> new CaseScope.Area(path)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSubjectScope_needsItsSubject() {
        assertThatThrownBy(() -> new CaseScope.OwnSubject(null)).isInstanceOf(NullPointerException.class);
    }
}
