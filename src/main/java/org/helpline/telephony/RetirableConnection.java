package org.helpline.telephony;

import java.io.IOException;

import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.util.SocketConnectionFacade;
import org.helpline.config.TelephonyConfig.AmiConfig;

/**
 * One AMI session. Asterisk-Java starts its own reconnect thread (fixed 50 ms / 5 s pauses) when a
 * logged-in session drops; the helpline reconnects with its own back-off instead, so a retired
 * connection refuses to open sockets and that thread gives up without logging in behind our back.
 */
final class RetirableConnection extends ManagerConnectionImpl {
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private volatile boolean retired;

    RetirableConnection(AmiConfig config) {
        setHostname(config.host());
        setPort(config.port());
        setUsername(config.username());
        setPassword(config.password());
        setSocketTimeout(CONNECT_TIMEOUT_MILLIS);
        // With a Ping every interval, silence for twice as long means the link is dead.
        setSocketReadTimeout((int) config.pingInterval().multipliedBy(2).toMillis());
    }

    @Override
    protected SocketConnectionFacade createSocket() throws IOException {
        if (retired) {
            throw new IOException("retired AMI connection: the helpline opens a new one");
        }
        return super.createSocket();
    }

    /** Logs off if still logged in (or reconnecting) and never connects again. */
    void retire() {
        retired = true;
        ManagerConnectionState state = getState();
        if (state == ManagerConnectionState.CONNECTED || state == ManagerConnectionState.RECONNECTING) {
            try {
                logoff();
            } catch (IllegalStateException alreadyDown) {
                // it dropped between the check and the logoff: nothing left to close
            }
        }
    }
}
