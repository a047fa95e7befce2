package org.helpline.bus;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.helpline.core.RejectedCommand;

/**
 * The browser phone of one open page, an operator's console or a supervisor's view: at most one at a time, and none
 * once the page has closed. Writing a phone into Asterisk takes a moment (three DBPuts), and a page that closes
 * meanwhile has nobody to give it back: so the phone is revoked as it comes, or it would work until its user's next
 * phone or a restart. Runs on the page's context.
 */
public final class PagePhone {
    private final BrowserPhoneSender phones;
    private final String user;
    private String endpoint;
    private boolean closed;

    public PagePhone(BrowserPhoneSender phones, String user) {
        this.phones = phones;
        this.user = user;
    }

    /** The endpoint of the phone this page holds, or null. */
    public String endpoint() {
        return endpoint;
    }

    /** A new phone for this page: its credentials ({@link BrowserPhoneSender#issue}), refused once the page closed. */
    public Future<JsonObject> issue() {
        if (closed) {
            return Future.failedFuture(pageClosed());
        }
        return phones.issue(user).compose(credentials -> {
            String issued = credentials.getString("username");
            if (closed) {
                return phones.revoke(user, issued).transform(revoked -> Future.failedFuture(pageClosed()));
            }
            endpoint = issued;
            return Future.succeededFuture(credentials);
        });
    }

    /** The page gives its phone back: it stops working in Asterisk. */
    public Future<Void> giveBack() {
        String held = endpoint;
        endpoint = null;
        return held == null ? Future.succeededFuture() : phones.revoke(user, held);
    }

    /** The page closed (closed, reloaded, logged out): its phone stops working, and one still being issued when it comes. */
    public Future<Void> close() {
        closed = true;
        return giveBack();
    }

    private static RejectedCommand pageClosed() {
        return new RejectedCommand("phone_unavailable", "the page closed");
    }
}
