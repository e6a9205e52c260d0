package cn.gov.shanwei.enforcement.app.clients;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A registered calling system. Its secrets never leave this object, not even through {@link #toString()}. */
public final class HubClient {

    private final String id;
    private final String name;
    private final List<byte[]> secrets;
    private final Set<String> services;

    HubClient(String id, String name, List<byte[]> secrets, Set<String> services) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = name == null ? id : name;
        this.secrets = List.copyOf(secrets);
        this.services = Set.copyOf(services);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    List<byte[]> secrets() {
        return secrets;
    }

    public boolean mayUse(String service) {
        return services.contains(service);
    }

    @Override
    public String toString() {
        return "HubClient[" + id + ", services=" + services + "]";
    }
}
