package org.helpline.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.config.KeyText;
import org.helpline.config.ReferralConfig;
import org.helpline.config.ReferralConfig.Partner;
import org.helpline.core.Addresses;
import org.helpline.privacy.Audit;
import org.helpline.privacy.FieldCipher;
import org.helpline.referral.ReferralStatus.State;
import org.helpline.store.HelplineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens referrals, keeps the outbox and delivers it. Every referral is a record in the store
 * ({@code referral:<reference>}) from the moment the operator is told it exists: a partner that is down loses
 * nothing, and a restart reads the outbox back. A delivery is acknowledged by a 2xx; until then it is retried
 * with a doubling pause. After a crash between the partner's acknowledgement and our record of it, the
 * referral is sent again with the same {@code Idempotency-Key}, which partners use to ignore the repeat.
 * A change of state is shown (statuses, outbox) only once the store has answered its write, so nobody is
 * told "delivered" or "failed" before it is recorded; the referral stays in flight until then.
 *
 * <p>All state lives on this verticle's context; the public methods may be called from any other.
 */
public final class ReferralDesk extends VerticleBase {
    static final String KEY_PREFIX = "referral:";
    private static final Logger LOG = LoggerFactory.getLogger(ReferralDesk.class);
    private static final int MAX_IN_FLIGHT = 8;

    private final ReferralConfig config;
    private final HelplineStore store;
    private final Clock clock;
    private final FieldCipher cipher;
    private final Assessment assessment;
    private final Set<String> indicators;
    private final Map<String, ReferralStatus> referrals = new LinkedHashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private Context context;
    private PartnerDelivery delivery;
    private long timer = -1;

    /** @param indicators the guidance's indicator ids: a referral naming another is refused, not silently weakened */
    public ReferralDesk(ReferralConfig config, HelplineStore store, Clock clock, Set<String> indicators) {
        this.config = config;
        this.indicators = Set.copyOf(indicators);
        this.store = store;
        this.clock = clock;
        Map<String, byte[]> keys = KeyText.decodeAll(config.encryption().keys(), "referral.encryption.keys");
        this.cipher = new FieldCipher(config.encryption().currentKey(), keys);
        this.assessment = new Assessment(config);
    }

    /** What opening a referral gave: the decision, and the records made (one per partner; none without referral). */
    public record Opened(Decision decision, List<Made> made) {
        public boolean referred() {
            return !made.isEmpty();
        }

        /** The first (or only) record's reference; null when nothing was sent. */
        public String reference() {
            return made.isEmpty() ? null : made.getFirst().reference();
        }

        public JsonObject toJson() {
            JsonObject json = new JsonObject().put("type", "referral_decision").put("decision", decision.toJson());
            if (!made.isEmpty()) {
                JsonArray all = new JsonArray();
                made.forEach(m -> all.add(m.toJson()));
                json.put("referral", made.getFirst().toJson()).put("referrals", all);
            }
            return json;
        }
    }

    /** One record queued for one partner. */
    public record Made(String reference, Decision.Delivery delivery, Instant createdAt) {
        JsonObject toJson() {
            return new JsonObject().put("reference", reference).put("status", State.QUEUED.json())
                    .put("createdAt", createdAt.toString()).put("route", delivery.route())
                    .put("partner", new JsonObject().put("id", delivery.partnerId()).put("name", delivery.partner().name()));
        }
    }

    @Override
    public Future<?> start() {
        context = vertx.getOrCreateContext();
        delivery = new PartnerDelivery(vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.delivery().timeout().toMillis())
                .setVerifyHost(true)), config.delivery().timeout());
        vertx.eventBus().consumer(Addresses.REFERRAL_DELIVERIES_ASK, asked -> asked.reply(new JsonArray(
                referrals.values().stream().filter(r -> r.trouble() != ReferralStatus.Trouble.NONE)
                        .map(this::deliveryJson).toList())));
        vertx.eventBus().<JsonObject>consumer(Addresses.REFERRAL_NOTICE, asked -> notice(asked.body().getString("reference"))
                .onComplete(done -> {
                    if (done.succeeded()) {
                        asked.reply(done.result());
                    } else {
                        asked.fail(done.cause() instanceof NotInTrouble ? 409 : 404, done.cause().getMessage());
                    }
                }));
        return store.entries(KEY_PREFIX).map(entries -> {
            entries.forEach(this::readBack);
            long waiting = referrals.values().stream().filter(r -> r.state() == State.QUEUED).count();
            LOG.info("referral.outbox.loaded referrals={} waiting={}", referrals.size(), waiting);
            timer = vertx.setPeriodic(config.delivery().checkEvery().toMillis(), id -> deliverDue());
            deliverDue();
            return null;
        });
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return delivery == null ? Future.succeededFuture() : delivery.close();
    }

    /**
     * Decides on the request and, when the rules refer, keeps the referral before answering.
     * Fails with {@link InvalidReferral} (a bad request) or {@link ReferralsUnavailable} (the store).
     */
    public Future<Opened> open(JsonObject body, String operator) {
        return onDesk(() -> {
            ReferralRequest request = ReferralRequest.read(body, config);
            for (String id : request.indicators()) {
                if (!indicators.contains(id)) {
                    throw new InvalidReferral("bad_request", "indicators", "indicators: '" + id
                            + "' is not an indicator of the guidance");
                }
            }
            Decision decision = assessment.decide(request);
            if (!decision.refers()) {
                LOG.info("referral.decided outcome={} operator={}", decision.outcome().json(), operator);
                counted(decision);
                return Future.succeededFuture(new Opened(decision, List.of()));
            }
            Instant now = clock.instant();
            List<Made> made = new ArrayList<>();
            List<ReferralStatus> statuses = new ArrayList<>();
            for (Decision.Delivery delivery : decision.deliveries()) {
                String reference = unusedReference(made);
                byte[] payload = Payload.of(reference, now, delivery.route(), request, operator);
                statuses.add(ReferralStatus.queued(reference, delivery.route(), delivery.partnerId(), operator, now,
                        now.plus(config.delivery().giveUpAfter()).plus(config.retention()), cipher.seal(payload, reference)));
                made.add(new Made(reference, delivery, now));
            }
            return Future.join(statuses.stream().map(this::keep).toList()).transform(kept -> {
                if (kept.failed()) {
                    // the store keeps a failed write for later: take them back, or the operator's retry would duplicate them
                    statuses.forEach(status -> store.delete(KEY_PREFIX + status.reference()));
                    LOG.warn("referral.not_kept operator={} reason={}", operator, kept.cause().getClass().getSimpleName());
                    return Future.failedFuture(new ReferralsUnavailable("unavailable",
                            "the referral could not be stored; nothing was sent; try again"));
                }
                counted(decision);
                for (ReferralStatus status : statuses) {
                    referrals.put(status.reference(), status);
                    LOG.info("referral.queued reference={} route={} partner={} operator={}", status.reference(), status.route(),
                            status.partnerId(), operator);
                    Audit.record(operator, "created", "referral", "reference=" + status.reference());
                }
                deliverDue();
                return Future.succeededFuture(new Opened(decision, List.copyOf(made)));
            });
        });
    }

    /** Whether the text has the form of a reference ({@code HLP-XXXX-XXXX-XXXX}). */
    public static boolean isReference(String text) {
        return text != null && text.matches(References.PATTERN);
    }

    /** For the anonymous statistics: the outcome, and the route when a referral was made. */
    private void counted(Decision decision) {
        vertx.eventBus().publish(Addresses.REFERRAL_EVENTS, new JsonObject()
                .put("outcome", decision.outcome().json()).put("route", decision.refers() ? decision.route() : null));
    }

    /** Statuses only, newest first: an operator's own ({@code operator} given), or all for a supervisor (null). */
    public Future<List<JsonObject>> statuses(String operator) {
        return onDesk(() -> {
            List<JsonObject> listed = new ArrayList<>();
            for (ReferralStatus status : referrals.values()) {
                if (operator == null || operator.equals(status.operator())) {
                    Partner partner = config.partners().get(status.partnerId());
                    listed.add(0, status.toStatusJson(partner == null ? status.partnerId() : partner.name(), operator == null));
                }
            }
            return Future.succeededFuture(listed);
        });
    }

    /** A supervisor saw a delivery's trouble: its alert goes (until the trouble gets worse). */
    private Future<JsonObject> notice(String reference) {
        ReferralStatus status = reference == null ? null : referrals.get(reference);
        if (status == null) {
            return Future.failedFuture(new IllegalArgumentException("no referral " + reference));
        }
        if (status.trouble() == ReferralStatus.Trouble.NONE) {
            return Future.failedFuture(new NotInTrouble(reference));
        }
        ReferralStatus seen = status.troubleSeen();
        return keep(seen).map(v -> deliveryJson(seen));
    }

    /** The delivery is not failing: nothing to acknowledge. */
    private static final class NotInTrouble extends RuntimeException {
        NotInTrouble(String reference) {
            super("the delivery of " + reference + " is not failing", null, false, false);
        }
    }

    private JsonObject deliveryJson(ReferralStatus status) {
        Partner partner = config.partners().get(status.partnerId());
        return status.toDeliveryJson(partner == null ? status.partnerId() : partner.name());
    }

    /** Tells the supervisor view that a delivery changed, or that its record went ({@code erased}, {@code forgotten}). */
    private void published(ReferralStatus status, String gone) {
        JsonObject json = deliveryJson(status);
        if (gone != null) {
            json.put("state", gone).put("trouble", ReferralStatus.Trouble.NONE.json());
        }
        vertx.eventBus().publish(Addresses.REFERRAL_DELIVERIES, json);
    }

    /** Erasure (a data-subject request): everything about the referral goes. Answers whether it existed. */
    public Future<Boolean> erase(String reference) {
        return onDesk(() -> {
            ReferralStatus removed = referrals.remove(reference);
            if (removed == null) {
                return Future.succeededFuture(false);
            }
            LOG.info("referral.erased reference={} state={}", reference, removed.state().json());
            published(removed, "erased");
            return store.delete(KEY_PREFIX + reference).map(true);
        });
    }

    /** The retention sweep: gives up deliveries past their time, forgets records past their retention. */
    public Future<Integer> sweep() {
        return onDesk(() -> {
            Instant now = clock.instant();
            List<Future<Void>> writes = new ArrayList<>();
            int forgotten = 0;
            for (ReferralStatus status : List.copyOf(referrals.values())) {
                if (!status.expiresAt().isAfter(now)) {
                    referrals.remove(status.reference());
                    published(status, "forgotten");
                    writes.add(store.delete(KEY_PREFIX + status.reference()));
                    forgotten++;
                } else if (overdue(status, now) && !inFlight.contains(status.reference())) {
                    writes.add(giveUp(status, now));
                }
            }
            if (forgotten > 0) {
                LOG.info("referral.retention.swept forgotten={}", forgotten);
            }
            int count = forgotten;
            return Future.join(writes).map(count);
        });
    }

    /** Referrals in the outbox (queued, not yet acknowledged), for tests and health. */
    public Future<Integer> waiting() {
        return onDesk(() -> Future.succeededFuture((int) referrals.values().stream()
                .filter(r -> r.state() == State.QUEUED).count()));
    }

    private void deliverDue() {
        Instant now = clock.instant();
        for (ReferralStatus status : List.copyOf(referrals.values())) {
            if (inFlight.size() >= MAX_IN_FLIGHT) {
                return;
            }
            if (inFlight.contains(status.reference())) {
                continue;
            }
            if (overdue(status, now)) {
                giveUp(status, now);
            } else if (status.due(now)) {
                attempt(status);
            }
        }
    }

    private boolean overdue(ReferralStatus status, Instant now) {
        return status.state() == State.QUEUED && !status.createdAt().plus(config.delivery().giveUpAfter()).isAfter(now);
    }

    private void attempt(ReferralStatus status) {
        String reference = status.reference();
        Partner partner = config.partners().get(status.partnerId());
        if (partner == null) {
            retry(status, "partner " + status.partnerId() + " is no longer configured");
            return;
        }
        byte[] body;
        try {
            body = cipher.open(status.sealedPayload(), reference);
        } catch (FieldCipher.Unreadable e) {
            LOG.error("referral.unreadable reference={} reason=\"{}\"", reference, e.getMessage());
            giveUp(status, clock.instant(), "payload unreadable: " + e.getMessage());
            return;
        }
        inFlight.add(reference);
        delivery.send(partner, reference, body, clock.instant().getEpochSecond()).onComplete(sent -> {
            ReferralStatus current = referrals.get(reference);
            if (current == null || current.state() != State.QUEUED) {
                inFlight.remove(reference);
                return; // erased while the request was out
            }
            PartnerDelivery.Attempt attempt = sent.result();
            Future<Void> recorded;
            if (attempt.acknowledged()) {
                Instant now = clock.instant();
                ReferralStatus delivered = current.delivered(now, now.plus(config.retention()));
                LOG.info("referral.delivered reference={} partner={} attempts={}", reference, current.partnerId(),
                        delivered.attempts());
                recorded = keep(delivered);
            } else {
                recorded = retry(current, attempt.problem());
            }
            recorded.onComplete(done -> inFlight.remove(reference));
        });
    }

    private Future<Void> retry(ReferralStatus status, String problem) {
        Instant now = clock.instant();
        Duration pause = pauseAfter(status.attempts() + 1);
        ReferralStatus later = status.retryAt(now, now.plus(pause), problem);
        LOG.warn("referral.delivery.failed reference={} partner={} attempt={} problem=\"{}\" retryInSeconds={}",
                status.reference(), status.partnerId(), later.attempts(), problem, pause.toSeconds());
        return keep(later);
    }

    /** {@code firstRetry} after the first failure, doubling after each, up to {@code longestRetry}. */
    Duration pauseAfter(int failures) {
        Duration pause = config.delivery().firstRetry();
        for (int i = 1; i < failures && pause.compareTo(config.delivery().longestRetry()) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(config.delivery().longestRetry()) > 0 ? config.delivery().longestRetry() : pause;
    }

    private Future<Void> giveUp(ReferralStatus status, Instant now) {
        return giveUp(status, now, "not acknowledged within " + config.delivery().giveUpAfter().toDays() + " days");
    }

    private Future<Void> giveUp(ReferralStatus status, Instant now, String problem) {
        ReferralStatus failed = status.failed(now, now.plus(config.retention()), problem);
        LOG.error("referral.given_up reference={} partner={} attempts={} problem=\"{}\"", status.reference(),
                status.partnerId(), status.attempts(), problem);
        inFlight.add(status.reference());
        return keep(failed).onComplete(done -> inFlight.remove(status.reference()));
    }

    /**
     * Writes a changed record (its time to live ends when it does) and shows the change once the store has
     * answered: written, or, when Redis is away, held by the store to be written on its return.
     */
    private Future<Void> keep(ReferralStatus status) {
        Duration ttl = Duration.between(clock.instant(), status.expiresAt());
        String key = KEY_PREFIX + status.reference();
        Future<Void> written = ttl.isNegative() || ttl.isZero()
                ? store.delete(key) : store.put(key, status.toStoreJson().encode(), ttl);
        return written.onFailure(e -> LOG.warn("referral.store.failed reference={} reason={}", status.reference(),
                e.getClass().getSimpleName()))
                .transform(done -> {
                    if (referrals.containsKey(status.reference())) { // not erased meanwhile
                        referrals.put(status.reference(), status);
                        published(status, null);
                    }
                    return done.succeeded() ? Future.succeededFuture() : Future.failedFuture(done.cause());
                });
    }

    private void readBack(String key, String json) {
        try {
            ReferralStatus status = ReferralStatus.fromStoreJson(new JsonObject(json));
            referrals.put(status.reference(), status);
        } catch (RuntimeException unreadable) {
            LOG.error("referral.store.unreadable key={} reason={}", key, unreadable.getClass().getSimpleName());
        }
    }

    private String unusedReference(List<Made> made) {
        while (true) {
            String reference = References.next();
            if (!referrals.containsKey(reference) && made.stream().noneMatch(m -> m.reference().equals(reference))) {
                return reference;
            }
        }
    }

    /** Runs {@code work} on the desk's context and answers on the caller's. */
    private <T> Future<T> onDesk(Supplier<Future<T>> work) {
        if (context == null) {
            return Future.failedFuture(new ReferralsUnavailable("unavailable", "the referral desk is not running"));
        }
        Context caller = Vertx.currentContext();
        if (caller == context) {
            return safely(work);
        }
        Promise<T> answer = Promise.promise();
        context.runOnContext(v -> safely(work).onComplete(answer));
        return caller == null ? answer.future() : Future.fromCompletionStage(answer.future().toCompletionStage(), caller);
    }

    private static <T> Future<T> safely(Supplier<Future<T>> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }
}
