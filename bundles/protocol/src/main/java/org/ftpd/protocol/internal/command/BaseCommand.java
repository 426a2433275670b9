package org.ftpd.protocol.internal.command;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.ftpd.api.Permission;
import org.ftpd.protocol.internal.codec.FtpReply;

/** The declaration part of a command (verb, permission, login, help), so handlers only write behaviour. */
public abstract class BaseCommand implements Command {

    private final String verb;
    private final Permission permission;
    private final boolean needsLogin;
    private final String help;

    protected BaseCommand(String verb, Permission permission, boolean needsLogin, String help) {
        this.verb = verb;
        this.permission = permission;
        this.needsLogin = needsLogin;
        this.help = help;
    }

    @Override
    public final String verb() {
        return verb;
    }

    @Override
    public final Permission permission() {
        return permission;
    }

    @Override
    public final boolean needsLogin() {
        return needsLogin;
    }

    @Override
    public final String help() {
        return help;
    }

    protected static CompletionStage<FtpReply> reply(int code, String text) {
        return CompletableFuture.completedFuture(FtpReply.of(code, text));
    }

    protected static CompletionStage<FtpReply> reply(FtpReply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    protected static void requireArgument(String argument) throws ReplyException {
        if (argument.isEmpty()) {
            throw new ReplyException(501, "Syntax error: command needs an argument.");
        }
    }

    protected static void refuseArgument(String argument) throws ReplyException {
        if (!argument.isEmpty()) {
            throw new ReplyException(501, "Syntax error: command does not accept arguments.");
        }
    }

    /** Doubles the quotes of a path for a 257 reply (RFC 959). */
    protected static String quoted(String path) {
        return "\"" + path.replace("\"", "\"\"") + "\"";
    }
}
