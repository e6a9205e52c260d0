package cn.gov.shanwei.enforcement.app.clients;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets a calling system see its own registration; the SDK's health check uses it as a cheap signed call. */
@RestController
@RequestMapping(path = "/api/v1/clients", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "clients", description = "The client registry: what the calling system may use")
public class ClientRegistrationController {

    /** The audit record's service id of this operation; every registered client may use it. */
    public static final String SERVICE = "registration.read";

    @GetMapping("/me")
    @Operation(summary = "The calling system's own registration",
            description = "Services, the purposes it may claim for each, and its rate limit. Any registered "
                    + "client may call it; a 200 proves that endpoint, credentials and clock are right.")
    public ClientRegistrationResponse me(HttpServletRequest request) {
        return ClientRegistrationResponse.of(CallingClient.requireAuthenticated(request, SERVICE));
    }
}
