package org.helpline.telephony;

/** Asterisk refused an AMI action, or there was no AMI session to send it on. */
final class AmiActionFailed extends RuntimeException {
    private final boolean noSession;

    AmiActionFailed(String reason) {
        this(reason, false);
    }

    private AmiActionFailed(String reason, boolean noSession) {
        super(reason, null, false, false);
        this.noSession = noSession;
    }

    static AmiActionFailed noSession(String address) {
        return new AmiActionFailed("no AMI session with " + address, true);
    }

    /** Nothing was sent: the link is down (and reconnecting). */
    boolean noSession() {
        return noSession;
    }

    /**
     * The caller's channel no longer exists or is hanging up: Redirect answers "Channel does not exist:
     * &lt;name&gt;" or "Redirect failed, channel not up." (manager.c, action_redirect).
     */
    boolean channelGone() {
        String reason = getMessage() == null ? "" : getMessage();
        return reason.startsWith("Channel does not exist") || reason.startsWith("Redirect failed, channel not up")
                || reason.equals("No such channel");
    }
}
