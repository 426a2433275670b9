package org.ftpd.protocol.internal;

import org.ftpd.api.FtpEventListener;

/**
 * An event listener of the engine's own that returns at once and never blocks (it only hands the event on, like
 * the EventAdmin bridge's asynchronous post): the {@link EventDispatcher} calls it on the thread that fires the
 * event instead of waking its events thread for it, a thread switch less per event.
 */
public interface NonBlockingEventListener extends FtpEventListener {
}
