package cn.gov.shanwei.enforcement.contracts.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sandbox's enforcement workforce library (执法人员库) behind the identity service: the fixture's officer records
 * ({@code sandbox/data/identity/staff.json}), read one by staff user id or page by page in officer-id order, and
 * changeable by tests (a renewed certificate, an officer who left) until {@link #reset}.
 */
public final class SandboxStaffDirectory {

    private final Map<String, Map<String, Object>> fixture;
    private final Map<String, Map<String, Object>> officers = new LinkedHashMap<>();

    SandboxStaffDirectory(Map<String, Map<String, Object>> fixture) {
        this.fixture = Map.copyOf(fixture);
        reset();
    }

    /** The record of a staff user, as the contract's {@code OfficerRecord}. */
    public synchronized Optional<Map<String, Object>> find(String staffUserId) {
        return Optional.ofNullable(officers.get(staffUserId)).map(LinkedHashMap::new);
    }

    /** Page {@code page} of {@code size} records in officer-id order, and the total. */
    synchronized Page page(int page, int size) {
        List<Map<String, Object>> all = new ArrayList<>(officers.values());
        all.sort(Comparator.comparing(o -> String.valueOf(o.get("officerId"))));
        long from = Math.min((long) page * size, all.size());
        long to = Math.min(from + size, all.size());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> o : all.subList((int) from, (int) to)) {
            items.add(new LinkedHashMap<>(o));
        }
        return new Page(items, all.size());
    }

    /** One page and the size of the whole library. */
    record Page(List<Map<String, Object>> officers, int total) {
    }

    /**
     * Adds or replaces the record of {@code record.staffUserId} (fields as in the contract's {@code OfficerRecord}).
     *
     * @throws IllegalArgumentException when a required field is missing
     */
    public synchronized void put(Map<String, Object> record) {
        for (String field : List.of("staffUserId", "officerId", "name", "certificateNumber", "subjectId",
                "subjectName", "validFrom", "validTo", "status")) {
            if (!(record.get(field) instanceof String s) || s.isBlank()) {
                throw new IllegalArgumentException("an officer record needs " + field);
            }
        }
        officers.put((String) record.get("staffUserId"), new LinkedHashMap<>(record));
    }

    /** Takes a staff user's record out of the library; false if there was none. */
    public synchronized boolean remove(String staffUserId) {
        return officers.remove(Objects.requireNonNull(staffUserId, "staffUserId")) != null;
    }

    /** Back to the fixture's records. */
    public synchronized void reset() {
        officers.clear();
        fixture.forEach((user, record) -> officers.put(user, new LinkedHashMap<>(record)));
    }
}
