package org.ftpd.protocol.internal.jmx;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.ftpd.api.FtpServerControl;
import org.ftpd.api.LiveSession;
import org.ftpd.api.ServerCounters;
import org.ftpd.protocol.internal.data.Addresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link FtpServerMXBean} over {@link FtpServerControl}; registers itself in the platform MBeanServer. */
public final class FtpServerMBean implements FtpServerMXBean {

    public static final String DEFAULT_NAME = "org.ftpd:type=FtpServer,name=default";
    private static final Logger LOG = LoggerFactory.getLogger(FtpServerMBean.class);

    private final FtpServerControl control;
    private final Supplier<Boolean> running;

    public FtpServerMBean(FtpServerControl control, Supplier<Boolean> running) {
        this.control = control;
        this.running = running;
    }

    /**
     * Registers under {@link #DEFAULT_NAME} in the platform MBeanServer, replacing a stale registration (a
     * previous instance of the bundle that did not unregister).
     *
     * @return the name to unregister later, or null when registration failed (logged)
     */
    public ObjectName register() {
        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = new ObjectName(DEFAULT_NAME);
            try {
                mbeans.registerMBean(this, name);
            } catch (InstanceAlreadyExistsException e) {
                mbeans.unregisterMBean(name);
                mbeans.registerMBean(this, name);
            }
            return name;
        } catch (JMException | RuntimeException e) {
            LOG.warn("FTP server MBean {} not registered: {}", DEFAULT_NAME, e.toString());
            return null;
        }
    }

    /** Unregisters {@code name} if still registered. */
    public static void unregister(ObjectName name) {
        if (name == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (InstanceNotFoundException e) {
            // already gone
        } catch (JMException | RuntimeException e) {
            LOG.warn("FTP server MBean {} not unregistered: {}", name, e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return Boolean.TRUE.equals(running.get());
    }

    @Override
    public String[] getListenAddresses() {
        List<InetSocketAddress> addresses = control.listenAddresses();
        return addresses.stream().map(Addresses::format).toArray(String[]::new);
    }

    @Override
    public String getRunningSince() {
        Instant since = control.runningSince();
        return since == null ? null : since.toString();
    }

    private ServerCounters counters() {
        return control.counters();
    }

    @Override
    public long getSessionsCurrent() {
        return counters().sessionsCurrent();
    }

    @Override
    public long getSessionsTotal() {
        return counters().sessionsTotal();
    }

    @Override
    public long getConnectionsRefused() {
        return counters().connectionsRefused();
    }

    @Override
    public long getLoginsSucceeded() {
        return counters().loginsSucceeded();
    }

    @Override
    public long getLoginsFailed() {
        return counters().loginsFailed();
    }

    @Override
    public long getBytesIn() {
        return counters().bytesIn();
    }

    @Override
    public long getBytesOut() {
        return counters().bytesOut();
    }

    @Override
    public long getFilesReceived() {
        return counters().filesReceived();
    }

    @Override
    public long getFilesSent() {
        return counters().filesSent();
    }

    @Override
    public long getTransfersAborted() {
        return counters().transfersAborted();
    }

    @Override
    public long getTransfersFailed() {
        return counters().transfersFailed();
    }

    @Override
    public long getErrorReplies() {
        return counters().errorReplies();
    }

    @Override
    public long getInternalErrors() {
        return counters().internalErrors();
    }

    @Override
    public SessionData[] listSessions() {
        return control.sessions().stream().map(Row::new).toArray(SessionData[]::new);
    }

    @Override
    public boolean closeSession(String id) {
        return control.closeSession(id, null);
    }

    @Override
    public int closeSessionsOfUser(String userName) {
        return control.closeSessionsOf(userName, null);
    }

    /** A live session flattened for JMX. */
    private static final class Row implements SessionData {
        private final LiveSession live;

        Row(LiveSession live) {
            this.live = live;
        }

        @Override
        public String getId() {
            return live.session().id();
        }

        @Override
        public String getUser() {
            String user = live.session().userName();
            return user == null ? "" : user;
        }

        @Override
        public String getRemoteAddress() {
            return Addresses.format(live.session().remoteAddress());
        }

        @Override
        public boolean isSecure() {
            return live.session().secure();
        }

        @Override
        public String getConnectedAt() {
            return live.session().connectedAt().toString();
        }

        @Override
        public long getIdleSeconds() {
            return live.idle().toSeconds();
        }

        @Override
        public String getTransferDirection() {
            return live.transferring() ? live.transfer().direction().name() : "";
        }

        @Override
        public String getTransferPath() {
            return live.transferring() ? live.transfer().path() : "";
        }

        @Override
        public long getTransferBytes() {
            return live.transferring() ? live.transfer().bytes() : 0;
        }
    }
}
