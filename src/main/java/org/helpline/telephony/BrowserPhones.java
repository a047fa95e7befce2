package org.helpline.telephony;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.asteriskjava.manager.action.DbDelTreeAction;
import org.asteriskjava.manager.action.DbPutAction;
import org.helpline.config.BrowserPhoneConfig;
import org.helpline.core.Addresses;
import org.helpline.core.RejectedCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser phones of open pages: one per user, with a PJSIP endpoint, aor and auth written into Asterisk's
 * database over AMI for as long as the page asks (docs/telephony.md, "Browser phones"). An operator's phone
 * (their console's) takes the calls offered to them; a supervisor's (their view's) rings only when they listen
 * in, so it never enters the roster. The browser gets a random endpoint name (12 digits, so the dialplan's
 * helpline-connect dials it like a desk phone) and a random password that works only until the phone is
 * revoked: when the page closes, the user logs out, or another page of theirs takes the phone over. At the
 * first AMI login the whole family is cleared, so phones of a server that stopped without revoking them stop
 * working; a phone revoked while the link was down is deleted at the next login. Asterisk's word on each operator's
 * phone registration goes to the consoles: a browser asleep or frozen renews nothing and says nothing, and its calls
 * must pause all the same; after the link was down it is asked for again. Runs on the call control's context.
 */
final class BrowserPhones {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserPhones.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What one user's browser phone is: its endpoint name and password.
     *
     * @param takesCalls an operator's phone, which the router's offers dial
     */
    record Phone(String endpoint, String password, boolean takesCalls) {
        @Override
        public String toString() {
            return "Phone[endpoint=" + endpoint + "]";
        }
    }

    private final BrowserPhoneConfig config;
    private final AmiLink ami;
    private final OperatorRoster roster;
    private final Map<String, Phone> phones = new HashMap<>();
    private final PhoneRegistrations registrations = new PhoneRegistrations();
    private final PhoneDeletions deletions;
    private EventBus bus;
    private Future<Void> cleared;

    BrowserPhones(BrowserPhoneConfig config, AmiLink ami, OperatorRoster roster) {
        this.config = config;
        this.ami = ami;
        this.roster = roster;
        this.deletions = new PhoneDeletions(ami);
    }

    Future<Void> listen(EventBus bus) {
        this.bus = bus;
        return bus.<JsonObject>consumer(Addresses.BROWSER_PHONE, this::request).completion();
    }

    /**
     * At the first login the whole family is cleared: phones issued by this server after it are live, every older
     * one is gone. At every later one, what could not be done while the link was down is done now: revoked phones
     * Asterisk still has are deleted, and the registrations of issued phones are read again.
     */
    void amiConnected() {
        if (cleared == null) {
            cleared = Future.all(clear(BrowserPhoneObjects.ENDPOINT), clear(BrowserPhoneObjects.AOR),
                            clear(BrowserPhoneObjects.AUTH))
                    .<Void>mapEmpty()
                    .onSuccess(v -> {
                        deletions.clearedAll();
                        LOG.info("telephony.browser-phones.cleared");
                    })
                    .onFailure(e -> {
                        cleared = null;
                        LOG.warn("telephony.browser-phones.clear.failed reason=\"{}\"", e.getMessage());
                    });
        } else {
            deletions.retry();
            rereadRegistrations();
        }
    }

    private Future<Void> clear(String family) {
        DbDelTreeAction action = new DbDelTreeAction();
        action.setFamily(family);
        return ami.send(action).recover(PhoneDeletions::notFound);
    }

    /**
     * A registration of some phone came, went or stopped answering (AMI ContactStatus). For an issued phone the
     * consoles hear when its last one is gone (the registration lapsed, or the browser no longer answers Asterisk's
     * OPTIONS) and when one is back.
     */
    void contact(AmiEvent.PhoneContact contact) {
        String operatorId = operatorWith(contact.aor());
        if (operatorId == null) {
            return; // a desk phone, a supervisor's phone (it takes no calls), or a phone revoked since
        }
        registrations.heard(contact.aor(), contact.contact(), contact.status())
                .ifPresent(registered -> tell(operatorId, contact.aor(), registered, contact.status()));
    }

    private String operatorWith(String endpoint) {
        return phones.entrySet().stream()
                .filter(e -> e.getValue().takesCalls() && e.getValue().endpoint().equals(endpoint))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /**
     * The ContactStatus events of a link that was down are lost: a phone that lapsed meanwhile would still be
     * offered calls, one that came back would stay paused. Asterisk's list of contacts says how each phone is now.
     */
    private void rereadRegistrations() {
        if (phones.values().stream().noneMatch(Phone::takesCalls)) {
            return;
        }
        long asked = registrations.asking();
        ami.phoneContacts().onSuccess(contacts -> {
            LOG.info("telephony.browser-phone.registrations.reread contacts={}", contacts.size());
            Map<String, Set<String>> alive = contacts.stream().filter(c -> PhoneRegistrations.alive(c.status()))
                    .collect(Collectors.groupingBy(AmiEvent.PhoneContact::aor,
                            Collectors.mapping(AmiEvent.PhoneContact::contact, Collectors.toSet())));
            phones.forEach((user, phone) -> {
                if (phone.takesCalls()) {
                    registrations.listed(phone.endpoint(), alive.getOrDefault(phone.endpoint(), Set.of()), asked)
                            .ifPresent(registered -> tell(user, phone.endpoint(), registered, "listed"));
                }
            });
        }).onFailure(e -> LOG.warn("telephony.browser-phone.registrations.reread.failed reason=\"{}\"", e.getMessage()));
    }

    /** @param status the ContactStatus that changed it, or "listed" (the list read after a login) */
    private void tell(String operatorId, String endpoint, boolean registered, String status) {
        LOG.info("telephony.browser-phone.registration operator={} endpoint={} registered={} status={}", operatorId,
                endpoint, registered, status);
        bus.publish(Addresses.BROWSER_PHONE_EVENTS, new JsonObject().put("operatorId", operatorId)
                .put("endpoint", endpoint).put("registered", registered));
    }

    private void request(Message<JsonObject> message) {
        String user = message.body().getString("user");
        String role = message.body().getString("role");
        if (user == null || !("operator".equals(role) || "supervisor".equals(role))) {
            message.fail(400, "user missing, or role not operator or supervisor");
            return;
        }
        Future<JsonObject> answer = message.body().getBoolean("want", false)
                ? issue(user, "operator".equals(role)).map(this::credentials)
                : revokeIfStill(user, message.body().getString("endpoint")).map(v -> new JsonObject());
        answer.onSuccess(message::reply).onFailure(e -> message.reply(e instanceof RejectedCommand refused ? refused
                : new RejectedCommand("phone_unavailable", "the browser phone cannot be set up now: " + e.getMessage())));
    }

    private JsonObject credentials(Phone phone) {
        return new JsonObject()
                .put("webSocketUrl", config.webSocketUrl())
                .put("uri", "sip:" + phone.endpoint() + "@" + config.sipDomain())
                .put("username", phone.endpoint())
                .put("password", phone.password())
                .put("registrationExpiry", config.registrationExpiry().toSeconds());
    }

    /** A new phone for the user; an older one of theirs is revoked first (one phone per user). */
    Future<Phone> issue(String user, boolean takesCalls) {
        if (!config.enabled()) {
            return Future.failedFuture(new RejectedCommand("phone_off",
                    "the browser phone is switched off on this server (telephony.browserPhone.webSocketUrl)"));
        }
        if (!ami.connected() || cleared == null || !cleared.succeeded()) {
            return Future.failedFuture(new RejectedCommand("phone_unavailable", "telephony is down; trying again shortly"));
        }
        Phone phone = new Phone(newEndpointName(), newPassword(), takesCalls);
        return revoke(user)
                .compose(v -> ami.send(new DbPutAction(BrowserPhoneObjects.AUTH, phone.endpoint(),
                        BrowserPhoneObjects.auth(phone.endpoint(), phone.password()))))
                .compose(v -> ami.send(new DbPutAction(BrowserPhoneObjects.AOR, phone.endpoint(),
                        BrowserPhoneObjects.aor(config.registrationExpiry()))))
                .compose(v -> ami.send(new DbPutAction(BrowserPhoneObjects.ENDPOINT, phone.endpoint(),
                        BrowserPhoneObjects.endpoint(phone.endpoint()))))
                .onFailure(e -> deletions.delete(phone.endpoint()))
                .map(v -> {
                    Phone replaced = phones.put(user, phone);
                    if (replaced != null) {
                        // another page of theirs was given a phone while this one was being written: one phone per user
                        retire(user, replaced);
                    }
                    if (takesCalls) {
                        roster.browserPhone(user, phone.endpoint());
                    }
                    LOG.info("telephony.browser-phone.issued user={} calls={} endpoint={}", user, takesCalls, phone.endpoint());
                    return phone;
                });
    }

    /** A page gives its phone back: unless another page of the user has taken a new one since. */
    private Future<Void> revokeIfStill(String user, String endpoint) {
        Phone phone = phones.get(user);
        return phone != null && (endpoint == null || phone.endpoint().equals(endpoint)) ? revoke(user)
                : Future.succeededFuture();
    }

    /** The user's phone stops working at once: Asterisk no longer knows its endpoint or password. */
    Future<Void> revoke(String user) {
        Phone phone = phones.remove(user);
        return phone == null ? Future.succeededFuture() : retire(user, phone);
    }

    private Future<Void> retire(String user, Phone phone) {
        if (phone.takesCalls()) {
            roster.browserPhone(user, null);
        }
        registrations.forget(phone.endpoint());
        LOG.info("telephony.browser-phone.revoked user={} endpoint={}", user, phone.endpoint());
        return deletions.delete(phone.endpoint());
    }

    /** 12 digits: longer than any desk phone's endpoint name, so the two never meet. */
    private String newEndpointName() {
        while (true) {
            String name = String.valueOf(100_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 900_000_000_000L);
            if (phones.values().stream().noneMatch(p -> p.endpoint().equals(name)) && !deletions.waiting(name)) {
                return name;
            }
        }
    }

    private static String newPassword() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
