package org.helpline.statistics;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.helpline.config.PrivacyConfig.StatisticsConfig;
import org.helpline.core.Addresses;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.store.HelplineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts each contact once, when it ends (closed or abandoned): its channel, language, topic and outcome; and
 * each referral decision: its outcome and, when referred, its route. A day's counters live in the store under
 * {@code stats:<date>} for {@code keepFor}. Counting happens on this verticle's context only.
 */
public final class Statistics extends VerticleBase {
    static final String KEY_PREFIX = "stats:";
    /** The longest range one export may cover. */
    public static final int MAX_DAYS = 400;
    private static final Logger LOG = LoggerFactory.getLogger(Statistics.class);

    private final HelplineStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration keepFor;
    private final Map<LocalDate, Future<DailyCounts>> days = new HashMap<>();
    private Context context;

    public Statistics(StatisticsConfig config, HelplineStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.zone = config.zoneId();
        this.keepFor = config.keepFor();
    }

    @Override
    public Future<?> start() {
        context = vertx.getOrCreateContext();
        var contacts = vertx.eventBus().<ContactChanged>consumer(Addresses.CONTACT_EVENTS, m -> contactChanged(m.body().contact()));
        var referrals = vertx.eventBus().<JsonObject>consumer(Addresses.REFERRAL_EVENTS, m -> referralDecided(m.body()));
        return Future.all(contacts.completion(), referrals.completion());
    }

    private void contactChanged(Contact contact) {
        if (!contact.state().isFinal()) {
            return;
        }
        String outcome = contact.state() == ContactState.ABANDONED ? "abandoned"
                : contact.outcome() == null ? "not_recorded" : contact.outcome();
        count(today -> {
            today.add("channel", contact.channel().name().toLowerCase(java.util.Locale.ROOT));
            today.add("language", contact.language());
            today.add("topic", contact.topic());
            today.add("outcome", outcome);
        });
    }

    private void referralDecided(JsonObject decision) {
        count(today -> {
            today.add("referral_outcome", decision.getString("outcome"));
            if (decision.getString("route") != null) {
                today.add("referral_route", decision.getString("route"));
            }
        });
    }

    private void count(Consumer<DailyCounts> change) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        day(today).onSuccess(counts -> {
            change.accept(counts);
            store.put(KEY_PREFIX + today, counts.toJson(), keepFor)
                    .onFailure(e -> LOG.warn("statistics.store.failed day={} reason={}", today, e.getClass().getSimpleName()));
        });
        // a day is read once; earlier days are left to the store
        days.keySet().removeIf(day -> day.isBefore(today.minusDays(1)));
    }

    /** The day's counters as stored, read once and then kept here while the day lasts. */
    private Future<DailyCounts> day(LocalDate date) {
        return days.computeIfAbsent(date, d -> store.get(KEY_PREFIX + d)
                .map(json -> DailyCounts.fromJson(d, json))
                .recover(failure -> {
                    LOG.warn("statistics.store.unreadable day={} reason={}", d, failure.getClass().getSimpleName());
                    return Future.succeededFuture(new DailyCounts(d));
                }));
    }

    /** {@code date,dimension,value,count} for every day from {@code from} to {@code to}, both included. */
    public Future<String> csv(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            return Future.failedFuture(new IllegalArgumentException("from must not be after to, and at most "
                    + MAX_DAYS + " days apart"));
        }
        return onContext(() -> {
            List<Future<DailyCounts>> read = new ArrayList<>();
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                LocalDate date = day;
                Future<DailyCounts> kept = days.get(date);
                read.add(kept != null ? kept : store.get(KEY_PREFIX + date).map(json -> DailyCounts.fromJson(date, json)));
            }
            return Future.all(read).map(all -> {
                StringBuilder csv = new StringBuilder("date,dimension,value,count\n");
                for (Future<DailyCounts> day : read) {
                    day.result().appendCsv(csv);
                }
                return csv.toString();
            });
        });
    }

    private <T> Future<T> onContext(Supplier<Future<T>> work) {
        if (context == null) {
            return Future.failedFuture(new IllegalStateException("statistics are not running"));
        }
        Context caller = Vertx.currentContext();
        if (caller == context) {
            return work.get();
        }
        Promise<T> answer = Promise.promise();
        context.runOnContext(v -> work.get().onComplete(answer));
        return caller == null ? answer.future() : Future.fromCompletionStage(answer.future().toCompletionStage(), caller);
    }
}
