package org.ftpd.itests;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ftpd.api.FtpEventListener;
import org.ftpd.api.SessionInfo;
import org.ftpd.api.SiteCommand;
import org.ftpd.api.TransferInfo;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * What a bundle that plugs into the server registers, from the test's bundle context: an FtpEventListener, an
 * EventAdmin handler of {@code org/ftpd/*} and a SITE command. Its own class, so that the test class itself
 * names no type of ours (the probe imports them dynamically, only once the feature is installed).
 */
final class EventsProbe implements AutoCloseable {

    /** One event as a listener saw it, flattened to strings: type, remote port, user, path, bytes, complete. */
    final List<Map<String, String>> heard = new CopyOnWriteArrayList<>();
    /** One EventAdmin event: its topic and properties. */
    final List<Map<String, Object>> posted = new CopyOnWriteArrayList<>();
    /** Sessions (user name at the time) the SITE command ran for. */
    final List<String> siteCallers = new CopyOnWriteArrayList<>();

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    EventsProbe(BundleContext context, String siteName, String siteReply) {
        registrations.add(context.registerService(FtpEventListener.class, new Listener(), null));
        Dictionary<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, "org/ftpd/*");
        registrations.add(context.registerService(EventHandler.class, this::handle, topics));
        Dictionary<String, Object> name = new Hashtable<>();
        name.put(SiteCommand.NAME_PROPERTY, siteName);
        registrations.add(context.registerService(SiteCommand.class, new SiteCommand() {
            @Override
            public Reply execute(SessionInfo session, String argument) {
                siteCallers.add(session.userName());
                return Reply.of(200, siteReply + " " + argument);
            }

            @Override
            public String help() {
                return "SITE " + siteName + " <SP> text (says hello).";
            }
        }, name));
    }

    /** The listener events of the session whose client used {@code remotePort}. */
    List<Map<String, String>> heardFrom(int remotePort) {
        String port = Integer.toString(remotePort);
        return heard.stream().filter(e -> port.equals(e.get("port"))).toList();
    }

    /** The EventAdmin events of the session whose client used {@code remotePort}. */
    List<Map<String, Object>> postedFrom(int remotePort) {
        return posted.stream().filter(e -> Integer.valueOf(remotePort).equals(e.get("remote.port"))).toList();
    }

    private void handle(Event event) {
        Map<String, Object> copy = new HashMap<>();
        for (String key : event.getPropertyNames()) {
            copy.put(key, event.getProperty(key));
        }
        copy.put("topic", event.getTopic());
        posted.add(copy);
    }

    @Override
    public void close() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping
            }
        }
    }

    private final class Listener implements FtpEventListener {

        private void note(String type, SessionInfo s, String user, TransferInfo t) {
            Map<String, String> e = new HashMap<>();
            e.put("type", type);
            e.put("session", s.id());
            e.put("address", s.remoteAddress().getAddress().getHostAddress());
            e.put("port", Integer.toString(s.remoteAddress().getPort()));
            e.put("user", String.valueOf(user));
            if (t != null) {
                e.put("path", t.path());
                e.put("bytes", Long.toString(t.bytes()));
                e.put("complete", Boolean.toString(t.complete()));
            }
            heard.add(e);
        }

        @Override
        public void onConnect(SessionInfo s) {
            note("connect", s, s.userName(), null);
        }

        @Override
        public void onDisconnect(SessionInfo s) {
            note("disconnect", s, s.userName(), null);
        }

        @Override
        public void onLogin(SessionInfo s) {
            note("login", s, s.userName(), null);
        }

        @Override
        public void onLoginFailed(SessionInfo s, String userName) {
            note("login failed", s, userName, null);
        }

        @Override
        public void onLogout(SessionInfo s) {
            note("logout", s, s.userName(), null);
        }

        @Override
        public void onFileSent(SessionInfo s, TransferInfo t) {
            note("sent", s, s.userName(), t);
        }

        @Override
        public void onFileReceived(SessionInfo s, TransferInfo t) {
            note("received", s, s.userName(), t);
        }

        @Override
        public void onIncompleteFileSent(SessionInfo s, TransferInfo t) {
            note("sent incomplete", s, s.userName(), t);
        }

        @Override
        public void onIncompleteFileReceived(SessionInfo s, TransferInfo t) {
            note("received incomplete", s, s.userName(), t);
        }
    }
}
