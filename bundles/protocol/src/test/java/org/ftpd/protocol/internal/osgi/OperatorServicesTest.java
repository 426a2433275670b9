package org.ftpd.protocol.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.ftpd.api.AccountListener;
import org.ftpd.api.FtpServerControl;
import org.ftpd.protocol.FtpServer;
import org.ftpd.protocol.ServerSettings;
import org.ftpd.protocol.internal.jmx.FtpServerMBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The services exist exactly while the server listens; the MBean while the component is active. */
class OperatorServicesTest {

    final MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
    final List<String> log = new CopyOnWriteArrayList<>();
    final FtpServer server = FtpServer.builder()
            .settings(ServerSettings.builder().host("127.0.0.1").port(0).build()).build();

    @AfterEach
    void stop() {
        server.stop();
    }

    /** A BundleContext that writes down registrations and unregistrations. */
    private BundleContext recordingContext() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("registerService")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String type = ((Class<?>) args[0]).getSimpleName();
                    if (args[0] == FtpServerControl.class) {
                        assertSame(server.control(), args[1]);
                    } else {
                        assertSame(server.accountListener(), args[1]);
                    }
                    log.add("register " + type);
                    return Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> {
                                if (m.getName().equals("unregister")) {
                                    log.add("unregister " + type);
                                    return null;
                                }
                                throw new UnsupportedOperationException(m.getName());
                            });
                });
    }

    @Test
    void servicesFollowTheServerAndTheMBeanTheComponent() throws IOException, JMException {
        OperatorServices services = new OperatorServices(recordingContext());
        ObjectName name = new ObjectName(FtpServerMBean.DEFAULT_NAME);
        services.update(server);
        assertEquals(List.of(), log, "not listening: no services");
        assertTrue(mbeans.isRegistered(name));
        assertEquals(false, mbeans.getAttribute(name, "Running"));

        server.start();
        services.update(server);
        services.update(server);
        assertEquals(List.of("register " + FtpServerControl.class.getSimpleName(),
                "register " + AccountListener.class.getSimpleName()), log, "once, however often updated");
        assertEquals(true, mbeans.getAttribute(name, "Running"));

        server.stop();
        services.update(server);
        assertEquals(4, log.size());
        assertTrue(log.containsAll(List.of("unregister FtpServerControl", "unregister AccountListener")), log::toString);

        services.close();
        assertFalse(mbeans.isRegistered(name));
    }

    @Test
    void theComponentRegistersTheMBeanUntilDeactivated() throws JMException {
        FtpServerComponent component = new FtpServerComponent();
        component.activate(Map.of("host", "127.0.0.1", "port", "0"));
        ObjectName name = new ObjectName(FtpServerMBean.DEFAULT_NAME);
        try {
            assertTrue(mbeans.isRegistered(name));
            assertEquals(true, mbeans.getAttribute(name, "Running"));
            assertEquals(1, ((String[]) mbeans.getAttribute(name, "ListenAddresses")).length);
        } finally {
            component.deactivate();
        }
        assertFalse(mbeans.isRegistered(name));
    }
}
