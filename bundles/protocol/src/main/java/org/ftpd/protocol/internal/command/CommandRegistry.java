package org.ftpd.protocol.internal.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ftpd.api.WriteMode;
import org.ftpd.protocol.internal.ServerContext;
import org.ftpd.protocol.internal.session.FtpSession;

/** The verbs the server answers, with what FEAT and HELP print, built from the handlers themselves. */
public final class CommandRegistry {

    /** Verbs of RFC 959 and its extensions that this server recognises but does not carry out (502). */
    private static final Set<String> KNOWN_UNIMPLEMENTED = Set.of("ACCT", "SMNT", "LPRT", "LPSV", "ADAT", "MIC",
            "CONF", "ENC", "LANG", "RANG");

    private final Map<String, Command> commands = new TreeMap<>();

    public CommandRegistry(Collection<? extends Command> handlers) {
        for (Command c : handlers) {
            if (commands.put(c.verb(), c) != null) {
                throw new IllegalArgumentException("two handlers for " + c.verb());
            }
        }
    }

    /** The SITE sub-commands built into the engine (upper case); an extension of the same name is never run. */
    public static Set<String> builtInSiteCommands() {
        return SiteDispatchCommand.BUILT_IN;
    }

    /** Every verb of this engine. */
    public static CommandRegistry standard() {
        List<Command> all = new ArrayList<>();
        all.add(new UserCommand());
        all.add(new PassCommand());
        all.add(new QuitCommand());
        all.add(new SystCommand());
        all.add(new FeatCommand());
        all.add(new HelpCommand());
        all.add(new NoopCommand());
        all.add(new OptsCommand());
        all.add(new PwdCommand("PWD"));
        all.add(new PwdCommand("XPWD"));
        all.add(new CwdCommand("CWD"));
        all.add(new CwdCommand("XCWD"));
        all.add(new CdupCommand("CDUP"));
        all.add(new CdupCommand("XCUP"));
        all.add(new TypeCommand());
        all.add(new ModeCommand());
        all.add(new StruCommand());
        all.add(new AlloCommand());
        all.add(new PasvCommand());
        all.add(new EpsvCommand());
        all.add(new PortCommand());
        all.add(new EprtCommand());
        all.add(new ListCommand());
        all.add(new NlstCommand());
        all.add(new MlsdCommand());
        all.add(new MlstCommand());
        all.add(new RetrCommand());
        all.add(new StorCommand("STOR", WriteMode.TRUNCATE));
        all.add(new StorCommand("APPE", WriteMode.APPEND));
        all.add(new RestCommand());
        all.add(new DeleCommand());
        all.add(new MkdCommand("MKD"));
        all.add(new MkdCommand("XMKD"));
        all.add(new RmdCommand("RMD"));
        all.add(new RmdCommand("XRMD"));
        all.add(new RnfrCommand());
        all.add(new RntoCommand());
        all.add(new SizeCommand());
        all.add(new MdtmCommand());
        all.add(new AborCommand());
        all.add(new ReinCommand());
        all.add(new StouCommand());
        all.add(new StatCommand());
        all.add(new SiteDispatchCommand());
        all.add(new MfmtCommand());
        all.add(new HashCommand());
        all.add(new ClntCommand());
        all.add(new AuthCommand());
        all.add(new PbszCommand());
        all.add(new ProtCommand());
        all.add(new CccCommand());
        return new CommandRegistry(all);
    }

    /** The handler of {@code verb} (upper case), or null. */
    public Command find(String verb) {
        return commands.get(verb);
    }

    public boolean isKnownUnimplemented(String verb) {
        return KNOWN_UNIMPLEMENTED.contains(verb);
    }

    /** The FEAT lines, sorted. */
    public List<String> features() {
        Set<String> lines = new TreeSet<>();
        for (Command c : commands.values()) {
            if (c.feature() != null) {
                lines.add(c.feature());
            }
        }
        return List.copyOf(lines);
    }

    /** The FEAT lines as a session sees them (its MLST facts, its HASH algorithm), sorted. */
    public List<String> features(FtpSession session) {
        return features(session, null);
    }

    /** The FEAT lines as a session sees them, of the commands available on {@code server} (if given), sorted. */
    public List<String> features(FtpSession session, ServerContext server) {
        Set<String> lines = new TreeSet<>();
        for (Command c : commands.values()) {
            if (server != null && !c.available(server)) {
                continue;
            }
            String line = c.feature(session);
            if (line != null) {
                lines.add(line);
            }
        }
        return List.copyOf(lines);
    }

    /** The verbs, sorted. */
    public Set<String> verbs() {
        return new TreeSet<>(commands.keySet());
    }
}
