package org.ftpd.itests;

import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.apache.karaf.features.Feature;
import org.apache.karaf.itests.KarafTestSupport;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Runs the tests in a stock Apache Karaf 4.4.10 (Karaf's own test support supplies the JDK 9+ VM options and free
 * ssh/rmi ports) and installs pyftpd-java the way an operator does: {@code feature:repo-add} of the built
 * features repository, then {@code feature:install pyftpd-java}.
 */
public abstract class PyftpdKarafTestSupport extends KarafTestSupport {

    static final String FEATURE = "pyftpd-java";
    static final String SERVER_PID = "org.ftpd";
    static final String USER_FACTORY_PID = "org.ftpd.user";
    static final List<String> OUR_BUNDLES = List.of(
            "org.ftpd.api", "org.ftpd.protocol", "org.ftpd.filesystems", "org.ftpd.authorizers", "org.ftpd.tls");
    static final Duration SOON = Duration.ofSeconds(30);

    private static final String VERSION_PROPERTY = "pyftpd.features.version";

    protected PyftpdKarafTestSupport() {
        // a failing test fails once: no silent re-run that would hide a flaky server
        retry = new Retry(false);
    }

    @Configuration
    @Override
    public Option[] config() {
        List<Option> options = new ArrayList<>(Arrays.asList(super.config()));
        // the FTP client the tests drive, as a bundle in the container
        options.add(mavenBundle("commons-net", "commons-net").versionAsInProject());
        options.add(systemProperty(VERSION_PROPERTY).value(System.getProperty(VERSION_PROPERTY)));
        // a server configuration present before the feature arrives: the feature's default file (port 2121)
        // must not replace it, and the tests stay on loopback and off ports other processes may hold
        options.add(editConfigurationFilePut("etc/org.ftpd.cfg", "host", Ftp.HOST));
        options.add(editConfigurationFilePut("etc/org.ftpd.cfg", "port", Integer.toString(freePort())));
        // the tests poll with logins that fail until a change arrives: no address bans (unit-tested in protocol)
        options.add(editConfigurationFilePut("etc/org.ftpd.cfg", "ban.max.failures", "0"));
        return options.toArray(new Option[0]);
    }

    /** Adds the features repository and installs the feature with the shell commands the README gives. */
    protected void installPyftpdOnce() throws Exception {
        Feature known = featureService.getFeature(FEATURE);
        if (known != null && featureService.isInstalled(known)) {
            return;
        }
        String repository = "mvn:org.ftpd/pyftpd-java-features/" + System.getProperty(VERSION_PROPERTY)
                + "/xml/features";
        RolePrincipal admin = new RolePrincipal("admin");
        executeCommand("feature:repo-add " + repository, admin);
        executeCommand("feature:install " + FEATURE, admin);
        assertFeatureInstalled(FEATURE);
    }

    /** The control port now configured through PID org.ftpd. */
    protected int configuredPort() throws IOException {
        Object port = serverConfiguration().getProperties().get("port");
        return Integer.parseInt(String.valueOf(port).trim());
    }

    /** Sets one key of PID org.ftpd through ConfigurationAdmin, keeping the others. */
    protected void setServerProperty(String key, Object value) throws IOException {
        org.osgi.service.cm.Configuration configuration = serverConfiguration();
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            properties = new Hashtable<>();
        }
        properties.put(key, value);
        configuration.update(properties);
    }

    /** Sets one key in etc/org.ftpd.cfg the way an operator edits it; fileinstall passes it on. */
    protected void editServerFile(String key, String value) throws IOException {
        Path file = karafFile("etc/org.ftpd.cfg");
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.removeIf(line -> line.replace(" ", "").startsWith(key + "="));
        lines.add(key + " = " + value);
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    protected org.osgi.service.cm.Configuration serverConfiguration() throws IOException {
        // location "?" binds to any bundle: the same unbound configuration fileinstall created from etc/
        return configurationAdmin.getConfiguration(SERVER_PID, "?");
    }

    protected ConfigurationAdmin configAdmin() {
        return configurationAdmin;
    }

    protected Bundle bundle(String symbolicName) {
        return findBundleByName(symbolicName);
    }

    /** A file below the Karaf folder, e.g. {@code etc/org.ftpd.cfg}. */
    protected static Path karafFile(String relative) {
        return Paths.get(System.getProperty("karaf.base")).resolve(relative);
    }

    /** The Karaf log file, where the server reports what it does. */
    protected static Path karafLog() {
        return Paths.get(System.getProperty("karaf.log"), "karaf.log");
    }

    protected static long logSize() throws IOException {
        Path log = karafLog();
        return Files.exists(log) ? Files.size(log) : 0;
    }

    /** What the Karaf log gained after {@code offset} bytes. */
    protected static String logSince(long offset) {
        try {
            byte[] all = Files.readAllBytes(karafLog());
            int from = (int) Math.min(offset, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** A port nothing listens on right now (the tests then bind it through the server's configuration). */
    protected static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(Ftp.HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on " + Ftp.HOST, e);
        }
    }
}
