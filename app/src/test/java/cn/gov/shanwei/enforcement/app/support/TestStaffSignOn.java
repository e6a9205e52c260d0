package cn.gov.shanwei.enforcement.app.support;

import cn.gov.shanwei.enforcement.app.security.StaffAuthenticator;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.Optional;

/** Staff sign-on stand-in for tests: tokens {@code token-<staff user id>} are valid; everything else is not. */
@TestConfiguration
public class TestStaffSignOn {

    @Bean
    StaffAuthenticator testStaffAuthenticator() {
        return token -> token.startsWith("token-") ? Optional.of(new StaffAuthenticator.StaffUser(
                token.substring("token-".length()))) : Optional.empty();
    }
}
