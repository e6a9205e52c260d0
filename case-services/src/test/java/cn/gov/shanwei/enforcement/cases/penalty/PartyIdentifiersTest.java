package cn.gov.shanwei.enforcement.cases.penalty;

import cn.gov.shanwei.enforcement.cases.penalty.application.PartyIdentifiers;
import cn.gov.shanwei.enforcement.domain.penalty.Party;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartyIdentifiersTest {

    @Test
    void kindOf_tellsAPersonFromAnOrganisation_evenWhenACodePassesBothCheckCharacters() {
        assertThat(PartyIdentifiers.kindOf("441521199001011231")).contains(Party.Kind.PERSON);
        assertThat(PartyIdentifiers.kindOf("91441500MA4W123454")).contains(Party.Kind.ORGANISATION);
        // all digits, valid as a 统一社会信用代码 and (by chance) as a 身份证号's check character: "91" is no province
        assertThat(PartyIdentifiers.kindOf("914415005750582888")).contains(Party.Kind.ORGANISATION);
        assertThat(PartyIdentifiers.kindOf("91441500MA4W123455")).isEmpty();
        assertThat(PartyIdentifiers.kindOf("NOT-AN-ID")).isEmpty();
        assertThat(PartyIdentifiers.kindOf(null)).isEmpty();
    }
}
