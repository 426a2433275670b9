package org.ftpd.protocol.internal.osgi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Services of one kind as DS binds and unbinds them, kept in OSGi ranking order (highest
 * {@code service.ranking} first, then the oldest). Readers get an immutable snapshot without locking.
 */
final class RankedServices<T> {

    private record Entry<T>(T service, Map<String, Object> properties, int ranking, long id) {
    }

    private static final Comparator<Entry<?>> ORDER = Comparator.<Entry<?>>comparingInt(Entry::ranking).reversed()
            .thenComparingLong(Entry::id);

    private final List<Entry<T>> entries = new ArrayList<>();
    private volatile List<T> snapshot = List.of();
    private volatile List<Entry<T>> entrySnapshot = List.of();

    synchronized void add(T service, Map<String, Object> properties) {
        entries.removeIf(e -> e.service() == service);
        entries.add(new Entry<>(service, Map.copyOf(properties), ranking(properties), id(properties)));
        publish();
    }

    synchronized void remove(T service) {
        entries.removeIf(e -> e.service() == service);
        publish();
    }

    /** The services, best ranked first. */
    List<T> get() {
        return snapshot;
    }

    /** The best ranked service whose properties match, or null. */
    T first(Predicate<Map<String, Object>> properties) {
        for (Entry<T> e : entrySnapshot) {
            if (properties.test(e.properties())) {
                return e.service();
            }
        }
        return null;
    }

    private void publish() {
        entries.sort(ORDER);
        entrySnapshot = List.copyOf(entries);
        snapshot = entries.stream().map(Entry::service).toList();
    }

    private static int ranking(Map<String, Object> p) {
        return p.get("service.ranking") instanceof Integer i ? i : 0;
    }

    private static long id(Map<String, Object> p) {
        return p.get("service.id") instanceof Long l ? l : Long.MAX_VALUE;
    }
}
