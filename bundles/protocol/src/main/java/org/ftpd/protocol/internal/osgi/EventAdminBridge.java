package org.ftpd.protocol.internal.osgi;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import org.ftpd.api.FtpEventListener;
import org.ftpd.api.SessionInfo;
import org.ftpd.api.TransferInfo;
import org.ftpd.protocol.internal.NonBlockingEventListener;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;

/**
 * Posts every server event to OSGi EventAdmin, when one is present, under {@value #SESSION_TOPICS} and
 * {@value #TRANSFER_TOPICS} topics. It is itself an {@link FtpEventListener} service; since it only posts
 * (asynchronous delivery, an EventHandler never holds up the engine) it is called on the thread that fires the event
 * ({@link NonBlockingEventListener}).
 *
 * <p>The EventAdmin reference is mandatory but dynamic and greedy: the component (and its listener service) exists
 * exactly while an EventAdmin does, and a replacement is swapped in without a restart. Its class is only loaded
 * then, so the protocol bundle's optional import of {@code org.osgi.service.event} may stay unwired: the bundle
 * resolves and serves in a framework without EventAdmin, and SCR has nothing to report.
 *
 * <p>Properties: {@value #SESSION_ID}, {@value #REMOTE_ADDRESS}, {@value #REMOTE_PORT}, {@value #LOCAL_ADDRESS},
 * {@value #LOCAL_PORT}, {@value #SECURE}, {@value #USER} (when known; the name tried for LOGIN_FAILED),
 * {@code timestamp}; transfers add {@value #PATH}, {@value #BYTES}, {@value #DURATION_MS} and
 * {@value #COMPLETE}.
 */
@Component(name = "org.ftpd.eventadmin", service = FtpEventListener.class)
public final class EventAdminBridge implements NonBlockingEventListener {

    public static final String SESSION_TOPICS = "org/ftpd/session/";
    public static final String TRANSFER_TOPICS = "org/ftpd/transfer/";

    public static final String CONNECT = SESSION_TOPICS + "CONNECT";
    public static final String DISCONNECT = SESSION_TOPICS + "DISCONNECT";
    public static final String LOGIN = SESSION_TOPICS + "LOGIN";
    public static final String LOGIN_FAILED = SESSION_TOPICS + "LOGIN_FAILED";
    public static final String LOGOUT = SESSION_TOPICS + "LOGOUT";
    public static final String SENT = TRANSFER_TOPICS + "SENT";
    public static final String RECEIVED = TRANSFER_TOPICS + "RECEIVED";
    public static final String SENT_INCOMPLETE = TRANSFER_TOPICS + "SENT_INCOMPLETE";
    public static final String RECEIVED_INCOMPLETE = TRANSFER_TOPICS + "RECEIVED_INCOMPLETE";

    public static final String SESSION_ID = "session.id";
    public static final String REMOTE_ADDRESS = "remote.address";
    public static final String REMOTE_PORT = "remote.port";
    public static final String LOCAL_ADDRESS = "local.address";
    public static final String LOCAL_PORT = "local.port";
    public static final String SECURE = "secure";
    public static final String USER = "user";
    public static final String PATH = "path";
    public static final String BYTES = "bytes";
    public static final String DURATION_MS = "duration.ms";
    public static final String COMPLETE = "complete";

    private volatile EventAdmin eventAdmin;

    @Reference(cardinality = ReferenceCardinality.MANDATORY, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindEventAdmin")
    void bindEventAdmin(EventAdmin admin) {
        eventAdmin = admin;
    }

    void unbindEventAdmin(EventAdmin admin) {
        // with GREEDY a replacement may be bound before the old one is unbound
        if (eventAdmin == admin) {
            eventAdmin = null;
        }
    }

    @Override
    public void onConnect(SessionInfo session) {
        post(CONNECT, session, session.userName(), null);
    }

    @Override
    public void onDisconnect(SessionInfo session) {
        post(DISCONNECT, session, session.userName(), null);
    }

    @Override
    public void onLogin(SessionInfo session) {
        post(LOGIN, session, session.userName(), null);
    }

    @Override
    public void onLoginFailed(SessionInfo session, String userName) {
        post(LOGIN_FAILED, session, userName, null);
    }

    @Override
    public void onLogout(SessionInfo session) {
        post(LOGOUT, session, session.userName(), null);
    }

    @Override
    public void onFileSent(SessionInfo session, TransferInfo transfer) {
        post(SENT, session, session.userName(), transfer);
    }

    @Override
    public void onFileReceived(SessionInfo session, TransferInfo transfer) {
        post(RECEIVED, session, session.userName(), transfer);
    }

    @Override
    public void onIncompleteFileSent(SessionInfo session, TransferInfo transfer) {
        post(SENT_INCOMPLETE, session, session.userName(), transfer);
    }

    @Override
    public void onIncompleteFileReceived(SessionInfo session, TransferInfo transfer) {
        post(RECEIVED_INCOMPLETE, session, session.userName(), transfer);
    }

    private void post(String topic, SessionInfo session, String user, TransferInfo transfer) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(topic, properties(session, user, transfer)));
        }
    }

    static Map<String, Object> properties(SessionInfo session, String user, TransferInfo transfer) {
        Map<String, Object> p = new HashMap<>();
        p.put(EventConstants.TIMESTAMP, System.currentTimeMillis());
        p.put(SESSION_ID, session.id());
        address(p, session.remoteAddress(), REMOTE_ADDRESS, REMOTE_PORT);
        address(p, session.localAddress(), LOCAL_ADDRESS, LOCAL_PORT);
        p.put(SECURE, session.secure());
        if (user != null) {
            p.put(USER, user);
        }
        if (transfer != null) {
            p.put(PATH, transfer.path());
            p.put(BYTES, transfer.bytes());
            p.put(DURATION_MS, transfer.duration().toMillis());
            p.put(COMPLETE, transfer.complete());
        }
        return p;
    }

    private static void address(Map<String, Object> p, InetSocketAddress address, String host, String port) {
        if (address != null) {
            p.put(host, address.getAddress() == null ? address.getHostString()
                    : address.getAddress().getHostAddress());
            p.put(port, address.getPort());
        }
    }
}
