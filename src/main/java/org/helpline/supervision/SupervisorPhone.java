package org.helpline.supervision;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.helpline.bus.BrowserPhoneSender;
import org.helpline.core.OperatorProfile;
import org.helpline.core.RejectedCommand;

/**
 * The phone listening in rings for one open supervisor view: the desk phone of the account's {@code endpoint},
 * or, for {@code --endpoint browser}, the browser phone the view asks for, issued and revoked exactly as a
 * console's (README "Supervisor view") but never offered a call.
 */
final class SupervisorPhone {
    private final BrowserPhoneSender phones;
    private final String supervisor;
    private final String accountEndpoint;
    /** The browser phone this view was given (its endpoint), and whether the view says it works. */
    private String browserEndpoint;
    private boolean works;
    private boolean closed;

    /** @param accountEndpoint the account's {@code endpoint}: a desk phone's digits, {@code browser}, or null */
    SupervisorPhone(BrowserPhoneSender phones, String supervisor, String accountEndpoint) {
        this.phones = phones;
        this.supervisor = supervisor;
        this.accountEndpoint = accountEndpoint;
    }

    boolean inBrowser() {
        return OperatorProfile.BROWSER_PHONE.equals(accountEndpoint);
    }

    /** Whether the account has a phone to listen in on at all (the browser phone may not work yet). */
    boolean any() {
        return accountEndpoint != null;
    }

    /** The endpoint listening in rings now, or null: none on the account, or a browser phone that does not work. */
    String endpoint() {
        if (!inBrowser()) {
            return accountEndpoint;
        }
        return works ? browserEndpoint : null;
    }

    /** A browser phone for this view ({@code want}), or the one it holds given back. */
    Future<JsonObject> want(boolean want) {
        if (!inBrowser()) {
            return Future.failedFuture(new RejectedCommand("no_browser_phone",
                    "your account has no browser phone (user add NAME --role supervisor --endpoint browser)"));
        }
        if (!want) {
            works = false;
            return revoke().map(new JsonObject());
        }
        return phones.issue(supervisor).compose(credentials -> {
            if (closed) {
                // the view closed while Asterisk was being asked: nobody may hold this phone
                return phones.revoke(supervisor, credentials.getString("username"))
                        .compose(v -> Future.failedFuture(new RejectedCommand("phone_unavailable", "the view closed")));
            }
            browserEndpoint = credentials.getString("username");
            works = false;
            return Future.succeededFuture(new JsonObject().put("phone", credentials));
        });
    }

    Future<JsonObject> working(boolean working) {
        works = working && browserEndpoint != null;
        return Future.succeededFuture(new JsonObject());
    }

    /** The view closed: its browser phone stops working, and one still being issued is revoked when it comes. */
    Future<Void> close() {
        closed = true;
        return revoke();
    }

    /** The browser phone stops working in Asterisk (the view gives it back, or closes). */
    private Future<Void> revoke() {
        String endpoint = browserEndpoint;
        browserEndpoint = null;
        works = false;
        return endpoint == null ? Future.succeededFuture() : phones.revoke(supervisor, endpoint);
    }
}
