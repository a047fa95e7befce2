package org.helpline.supervision;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.helpline.bus.BrowserPhoneSender;
import org.helpline.bus.PagePhone;
import org.helpline.core.OperatorProfile;
import org.helpline.core.RejectedCommand;

/**
 * The phone listening in rings for one open supervisor view: the desk phone of the account's {@code endpoint},
 * or, for {@code --endpoint browser}, the browser phone the view asks for, issued and revoked exactly as a
 * console's (README "Supervisor view") but never offered a call.
 */
final class SupervisorPhone {
    private final PagePhone browser;
    private final String accountEndpoint;
    /** Whether the view says its browser phone works. */
    private boolean works;

    /** @param accountEndpoint the account's {@code endpoint}: a desk phone's digits, {@code browser}, or null */
    SupervisorPhone(BrowserPhoneSender phones, String supervisor, String accountEndpoint) {
        this.browser = new PagePhone(phones, supervisor);
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
        return works ? browser.endpoint() : null;
    }

    /** A browser phone for this view ({@code want}), or the one it holds given back. */
    Future<JsonObject> want(boolean want) {
        if (!inBrowser()) {
            return Future.failedFuture(new RejectedCommand("no_browser_phone",
                    "your account has no browser phone (user add NAME --role supervisor --endpoint browser)"));
        }
        if (!want) {
            works = false;
            return browser.giveBack().map(new JsonObject());
        }
        return browser.issue().map(credentials -> {
            works = false; // until the view says the new phone works
            return new JsonObject().put("phone", credentials);
        });
    }

    Future<JsonObject> working(boolean working) {
        works = working && browser.endpoint() != null;
        return Future.succeededFuture(new JsonObject());
    }

    /** The view closed: its browser phone stops working, and one still being issued is revoked when it comes. */
    Future<Void> close() {
        works = false;
        return browser.close();
    }
}
