package cn.gov.shanwei.enforcement.app.security;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated member of staff: the principal is the case platform's {@link Actor}. */
public final class StaffAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final transient Actor actor;

    /** @param actor the officer, roles and how the request was authenticated */
    public StaffAuthentication(Actor actor) {
        super(actor.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
        this.actor = actor;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.officer().id().value();
    }
}
