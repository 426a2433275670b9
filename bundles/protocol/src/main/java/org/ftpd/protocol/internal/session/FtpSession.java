package org.ftpd.protocol.internal.session;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.ftpd.api.Account;
import org.ftpd.api.Authorizer;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.SessionInfo;
import org.ftpd.protocol.internal.SessionMdc;
import org.ftpd.protocol.internal.data.DataChannelSource;
import org.ftpd.protocol.internal.data.Transfer;
import org.ftpd.protocol.internal.tls.SessionTls;
import org.ftpd.protocol.internal.listing.Fact;

/**
 * The state of one control connection. Mutated only on the connection's event loop; the fields other threads
 * read (through {@link SessionInfo}) are volatile.
 */
public final class FtpSession implements SessionInfo {

    private final String id;
    private final InetSocketAddress remoteAddress;
    private final InetSocketAddress localAddress;
    private final Instant connectedAt = Instant.now();
    private final SessionMdc mdc;

    private volatile Account account;
    private volatile Authorizer authorizer;
    private volatile boolean secure;
    private final SessionTls tls = new SessionTls();
    private FtpFileSystem fileSystem;
    private String pendingUser;
    private String cwd = "/";
    private TransferType type = TransferType.ASCII;
    private long restartOffset;
    private String renameFrom;
    private boolean epsvAll;
    private int failedLogins;
    private DataChannelSource dataSource;
    private Transfer transfer;
    private Set<Fact> mlstFacts = Fact.defaults();
    private HashAlgorithm hashAlgorithm = HashAlgorithm.DEFAULT;
    private String clientName;

    public FtpSession(String id, InetSocketAddress remoteAddress, InetSocketAddress localAddress) {
        this.id = id;
        this.remoteAddress = remoteAddress;
        this.localAddress = localAddress;
        this.mdc = new SessionMdc(id, remoteAddress);
    }

    /** What this session puts in the logging MDC while work runs for it. */
    public SessionMdc mdc() {
        return mdc;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public String userName() {
        Account a = account;
        return a == null ? null : a.userName();
    }

    @Override
    public boolean secure() {
        return secure;
    }

    public void secure(boolean value) {
        secure = value;
    }

    /** TLS on this connection: AUTH or implicit, PBSZ, PROT, CCC. */
    public SessionTls tls() {
        return tls;
    }

    @Override
    public Instant connectedAt() {
        return connectedAt;
    }

    public boolean loggedIn() {
        return account != null;
    }

    public Account account() {
        return account;
    }

    public FtpFileSystem fileSystem() {
        return fileSystem;
    }

    /** Records a successful login; the view's root is the account's home. */
    public void login(Account value, FtpFileSystem view) {
        account = value;
        mdc.user(value.userName());
        fileSystem = view;
        cwd = view.initialDirectory();
    }

    /** Records a successful login and the authorizer that admitted it. */
    public void login(Account value, FtpFileSystem view, Authorizer through) {
        authorizer = through;
        login(value, view);
    }

    /** The authorizer that admitted the login, or null (readable from any thread). */
    public Authorizer authorizer() {
        return authorizer;
    }

    /** Forgets the login; returns the view, which the caller closes (off the loop). */
    public FtpFileSystem logout() {
        FtpFileSystem view = fileSystem;
        authorizer = null;
        account = null;
        mdc.user(null);
        fileSystem = null;
        cwd = "/";
        return view;
    }

    public String pendingUser() {
        return pendingUser;
    }

    public void pendingUser(String value) {
        pendingUser = value;
    }

    public String cwd() {
        return cwd;
    }

    public void cwd(String value) {
        cwd = value;
    }

    public TransferType type() {
        return type;
    }

    public void type(TransferType value) {
        type = value;
    }

    /** The REST offset for the next transfer (0 when none). */
    public long restartOffset() {
        return restartOffset;
    }

    public void restartOffset(long value) {
        restartOffset = value;
    }

    /** Returns the REST offset and clears it: it applies to one transfer only. */
    public long takeRestartOffset() {
        long value = restartOffset;
        restartOffset = 0;
        return value;
    }

    public String renameFrom() {
        return renameFrom;
    }

    public void renameFrom(String value) {
        renameFrom = value;
    }

    /** Whether EPSV ALL was sent: only EPSV may set up data connections from now on. */
    public boolean epsvAll() {
        return epsvAll;
    }

    public void epsvAll(boolean value) {
        epsvAll = value;
    }

    /** Counts one more failed login and returns the total. */
    public int failedLogin() {
        return ++failedLogins;
    }

    /** The data connection prepared by PASV/EPSV/PORT/EPRT, or null. */
    public DataChannelSource dataSource() {
        return dataSource;
    }

    /** Replaces the prepared data connection, closing the previous one. */
    public void dataSource(DataChannelSource value) {
        DataChannelSource old = dataSource;
        dataSource = value;
        if (old != null && old != value) {
            old.close();
        }
    }

    /** Hands the prepared data connection to a transfer; the session forgets it. */
    public DataChannelSource takeDataSource() {
        DataChannelSource value = dataSource;
        dataSource = null;
        return value;
    }

    /** The transfer in progress, or null. */
    public Transfer transfer() {
        return transfer;
    }

    public void transfer(Transfer value) {
        transfer = value;
    }

    public boolean transferring() {
        return transfer != null;
    }

    /** The MLSD/MLST facts OPTS MLST selected (all until then). */
    public Set<Fact> mlstFacts() {
        return mlstFacts;
    }

    public void mlstFacts(Set<Fact> value) {
        // an EnumSet keeps the facts in one fixed order in every line
        EnumSet<Fact> copy = EnumSet.noneOf(Fact.class);
        copy.addAll(value);
        mlstFacts = Collections.unmodifiableSet(copy);
    }

    /** The algorithm HASH uses (OPTS HASH). */
    public HashAlgorithm hashAlgorithm() {
        return hashAlgorithm;
    }

    public void hashAlgorithm(HashAlgorithm value) {
        hashAlgorithm = value;
    }

    /** What the client called itself with CLNT, or null. */
    public String clientName() {
        return clientName;
    }

    public void clientName(String value) {
        clientName = value;
    }

    /**
     * REIN: back to the state of a fresh connection, except the login (the caller logs out) and the count of
     * failed logins, which must survive so that REIN is no way around the attempt limit.
     */
    public void reinitialize() {
        pendingUser = null;
        cwd = "/";
        type = TransferType.ASCII;
        restartOffset = 0;
        renameFrom = null;
        epsvAll = false;
        dataSource(null);
        mlstFacts = Fact.defaults();
        hashAlgorithm = HashAlgorithm.DEFAULT;
        clientName = null;
    }

    /** The facts as they are now; events carry this, since the session goes on changing. */
    public SessionInfo snapshot() {
        return new SessionSnapshot(id, remoteAddress, localAddress, userName(), secure, connectedAt);
    }

    @Override
    public String toString() {
        String user = userName();
        return "session " + id + " " + remoteAddress + (user == null ? "" : " (" + user + ")");
    }
}
