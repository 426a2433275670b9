package org.ftpd.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears what happens on the server (whiteboard: register as a service). Every method has an empty default,
 * so a listener implements only what it needs. Calls come off the network threads; a slow listener delays
 * only other listeners, never a session.
 */
@ConsumerType
public interface FtpEventListener {

    default void onConnect(SessionInfo session) {
    }

    default void onDisconnect(SessionInfo session) {
    }

    default void onLogin(SessionInfo session) {
    }

    default void onLoginFailed(SessionInfo session, String userName) {
    }

    default void onLogout(SessionInfo session) {
    }

    default void onFileSent(SessionInfo session, TransferInfo transfer) {
    }

    default void onFileReceived(SessionInfo session, TransferInfo transfer) {
    }

    default void onIncompleteFileSent(SessionInfo session, TransferInfo transfer) {
    }

    default void onIncompleteFileReceived(SessionInfo session, TransferInfo transfer) {
    }
}
