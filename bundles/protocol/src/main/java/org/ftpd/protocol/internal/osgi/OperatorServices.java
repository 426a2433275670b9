package org.ftpd.protocol.internal.osgi;

import java.util.Dictionary;
import java.util.Hashtable;
import javax.management.ObjectName;
import org.ftpd.api.AccountListener;
import org.ftpd.api.FtpServerControl;
import org.ftpd.protocol.FtpServer;
import org.ftpd.protocol.internal.jmx.FtpServerMBean;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * What the server offers operators and other bundles: the {@link FtpServerControl} and {@link AccountListener}
 * services while it listens (so their absence tells that it does not), and the JMX MBean while the component is
 * active. Outside OSGi (unit tests) only the MBean is registered.
 */
final class OperatorServices {

    private final BundleContext bundle;
    private ServiceRegistration<FtpServerControl> control;
    private ServiceRegistration<AccountListener> accounts;
    private ObjectName mbean;

    OperatorServices(BundleContext bundle) {
        this.bundle = bundle;
    }

    static OperatorServices forThisBundle() {
        Bundle own = FrameworkUtil.getBundle(OperatorServices.class);
        return new OperatorServices(own == null ? null : own.getBundleContext());
    }

    /** Brings the registrations in line with the server's state (after a start, stop or failed rebind). */
    synchronized void update(FtpServer server) {
        if (mbean == null) {
            mbean = new FtpServerMBean(server.control(), server::isRunning).register();
        }
        boolean running = server.isRunning();
        if (bundle == null || running == (control != null)) {
            return;
        }
        if (running) {
            control = bundle.registerService(FtpServerControl.class, server.control(),
                    properties("Live sessions, counters and session control of the FTP server"));
            accounts = bundle.registerService(AccountListener.class, server.accountListener(),
                    properties("Ends the sessions of removed accounts when removed.user.sessions = close"));
        } else {
            unregisterServices();
        }
    }

    synchronized void close() {
        unregisterServices();
        FtpServerMBean.unregister(mbean);
        mbean = null;
    }

    private void unregisterServices() {
        for (ServiceRegistration<?> registration : new ServiceRegistration<?>[] {control, accounts}) {
            if (registration != null) {
                try {
                    registration.unregister();
                } catch (IllegalStateException e) {
                    // already unregistered (the bundle is stopping)
                }
            }
        }
        control = null;
        accounts = null;
    }

    private static Dictionary<String, Object> properties(String description) {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put(Constants.SERVICE_DESCRIPTION, description);
        p.put("ftpd.server", "default");
        return p;
    }
}
