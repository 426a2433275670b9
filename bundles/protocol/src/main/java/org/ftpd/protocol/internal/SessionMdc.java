package org.ftpd.protocol.internal;

import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import org.ftpd.protocol.internal.data.Addresses;
import org.slf4j.MDC;

/**
 * What a session puts in the SLF4J MDC while work for it runs on some thread: {@value #SESSION}, {@value #REMOTE}
 * and, once logged in, {@value #USER}. The strings are made once per session (and once per login), so entering
 * makes none, though the MDC backend may allocate per write (pax-logging's map makes an entry per put: about 5%
 * of the bytes a login allocates, measured). Entering is idempotent: nested work of the same session
 * leaves the values to the outermost caller, who clears them. Which session a thread works for is tracked here,
 * not read back from the MDC, because some MDC implementations let new threads inherit their creator's values.
 */
public final class SessionMdc {

    /** MDC key: the session id, as in the events and ftp:sessions. */
    public static final String SESSION = "ftpd.session";
    /** MDC key: the client's address and port. */
    public static final String REMOTE = "ftpd.remote";
    /** MDC key: the logged-in user (absent before login). */
    public static final String USER = "ftpd.user";

    /** Where a channel (control or data) keeps the MDC of the session it belongs to. */
    public static final AttributeKey<SessionMdc> ATTRIBUTE = AttributeKey.valueOf(SessionMdc.class, "mdc");

    private static final ThreadLocal<SessionMdc> CURRENT = new ThreadLocal<>();

    private final String session;
    private final String remote;
    private volatile String user;

    public SessionMdc(String sessionId, InetSocketAddress remoteAddress) {
        session = sessionId;
        remote = Addresses.format(remoteAddress);
    }

    /** A login (a name) or a logout (null); the current thread's MDC follows when it holds this session. */
    public void user(String name) {
        user = name;
        if (CURRENT.get() == this) {
            putUser(name);
        }
    }

    /**
     * Puts this session's values in the current thread's MDC unless they are already there.
     *
     * @return true when the caller entered and must call {@link #exit()} when done
     */
    public boolean enter() {
        if (CURRENT.get() == this) {
            return false;
        }
        CURRENT.set(this);
        MDC.put(SESSION, session);
        MDC.put(REMOTE, remote);
        putUser(user);
        return true;
    }

    /** The session the current thread works for, or null. */
    public static SessionMdc current() {
        return CURRENT.get();
    }

    /** Clears what {@link #enter()} put. */
    public static void exit() {
        CURRENT.set(null);
        MDC.remove(SESSION);
        MDC.remove(REMOTE);
        MDC.remove(USER);
    }

    /** Runs {@code action} with this session's MDC. */
    public void run(Runnable action) {
        boolean entered = enter();
        try {
            action.run();
        } finally {
            if (entered) {
                exit();
            }
        }
    }

    /** Calls {@code work} with this session's MDC. */
    public <T> T call(Callable<T> work) throws Exception {
        boolean entered = enter();
        try {
            return work.call();
        } finally {
            if (entered) {
                exit();
            }
        }
    }

    private static void putUser(String name) {
        if (name == null) {
            MDC.remove(USER);
        } else {
            MDC.put(USER, name);
        }
    }

    @Override
    public String toString() {
        return SESSION + "=" + session + " " + REMOTE + "=" + remote;
    }
}
