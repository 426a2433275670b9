package org.ftpd.protocol.internal;

import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.ftpd.api.Authorizer;
import org.ftpd.api.LiveSession;

/** The open (admitted) control connections by session id, for operators. */
public final class SessionRegistry {

    /** Oldest first: ids count up from 1. */
    private static final Comparator<Entry> BY_AGE = Comparator.comparingInt((Entry e) -> e.sessionId().length())
            .thenComparing(Entry::sessionId);

    /** One open session, as its control handler shows it to operators. */
    public interface Entry {

        String sessionId();

        /** The logged-in user, or null (readable from any thread). */
        String loggedInUser();

        /** The authorizer that admitted the login, or null (readable from any thread). */
        Authorizer loggedInThrough();

        /** The event loop the session runs on; {@link #status} and {@link #closeByOperator} run there only. */
        EventExecutor loop();

        LiveSession status();

        /** Sends 421 with {@code reason}, breaks off a transfer, closes the connection. */
        void closeByOperator(String reason);
    }

    private final ConcurrentHashMap<String, Entry> byId = new ConcurrentHashMap<>();

    public void add(Entry entry) {
        byId.put(entry.sessionId(), entry);
    }

    public void remove(Entry entry) {
        byId.remove(entry.sessionId(), entry);
    }

    public Entry get(String id) {
        return id == null ? null : byId.get(id);
    }

    /** The sessions open now, oldest first. */
    public List<Entry> all() {
        List<Entry> list = new ArrayList<>(byId.values());
        list.sort(BY_AGE);
        return list;
    }

    public int size() {
        return byId.size();
    }
}
