package org.helpline.bus;

import org.helpline.core.RejectedCommand;

/** Which failures of a command are the router refusing it (the sender's to hear about), not the server's trouble. */
public final class Refusals {
    private Refusals() {
    }

    /** The refusal's code, or null when the failure is not a refusal. */
    public static String codeOf(Throwable failure) {
        return failure instanceof RejectedCommand rejected ? rejected.code() : null;
    }
}
