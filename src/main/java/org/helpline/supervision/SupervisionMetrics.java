package org.helpline.supervision;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.bus.CoreJson;
import org.helpline.core.Channel;

/**
 * The supervisor view's figures for Prometheus (docs/protocol.md, "Health and metrics"): counters and wait and
 * handling distributions that only grow (Grafana takes their increase over any range), and today's figures as
 * the supervisor view shows them. Labels come only from enums and fixed words.
 */
final class SupervisionMetrics {
    static final String ALL = "all";
    private static final double[] WAIT_BUCKETS = {5, 10, 20, 30, 60, 120, 300, 600};
    private static final double[] HANDLING_BUCKETS = {60, 300, 600, 900, 1800, 3600};
    private static final String[] ALERT_KINDS = {"urgent_waiting", "long_wait", "no_operator", "nobody_available",
            "phone_line", "referral_failing", "referral_given_up"};

    private final Map<Channel, Meters> meters = new EnumMap<>(Channel.class);
    private volatile Floor.Tallies today = new Floor.Tallies(Tally.EMPTY, Tally.EMPTY, Tally.EMPTY);
    private volatile JsonArray alerts = new JsonArray();

    SupervisionMetrics(MeterRegistry registry, Duration threshold) {
        for (Channel channel : Channel.values()) {
            meters.put(channel, new Meters(registry, CoreJson.lower(channel), threshold));
        }
        todayGauges(registry, ALL, Floor.Tallies::all);
        todayGauges(registry, "call", Floor.Tallies::calls);
        todayGauges(registry, "chat", Floor.Tallies::chats);
        for (String kind : ALERT_KINDS) {
            Gauge.builder("helpline_alerts", () -> alerts.stream().filter(a -> kind.equals(((JsonObject) a).getString("kind"))).count())
                    .description("Alerts showing on the supervisor view, by kind").tags("kind", kind).register(registry);
        }
    }

    void count(Counted counted) {
        Meters of = meters.get(counted.channel());
        switch (counted) {
            case Counted.Offered o -> of.offered.increment();
            case Counted.Answered a -> {
                of.answered.increment();
                if (a.inThreshold()) {
                    of.answeredInThreshold.increment();
                }
                of.wait.record(seconds(a.waited()));
            }
            case Counted.Abandoned a -> of.abandoned.increment();
            case Counted.Handled h -> of.handling.record(seconds(h.handling()));
        }
    }

    /** What today's gauges show from now on. */
    void show(Floor.Tallies tallies, JsonArray currentAlerts) {
        today = tallies;
        alerts = currentAlerts;
    }

    private void todayGauges(MeterRegistry registry, String channel, Function<Floor.Tallies, Tally> pick) {
        gauge(registry, "helpline_today_contacts", "Contacts today (the helpline's day), by what happened to them",
                channel, "kind", "offered", t -> pick.apply(t).offered());
        gauge(registry, "helpline_today_contacts", null, channel, "kind", "answered", t -> pick.apply(t).answered());
        gauge(registry, "helpline_today_contacts", null, channel, "kind", "answered_in_threshold",
                t -> pick.apply(t).answeredInThreshold());
        gauge(registry, "helpline_today_contacts", null, channel, "kind", "abandoned", t -> pick.apply(t).abandoned());
        gauge(registry, "helpline_today_service_level_ratio", "Answered within the threshold, of those answered or abandoned today",
                channel, null, null, t -> orNaN(pick.apply(t).serviceLevel()));
        gauge(registry, "helpline_today_abandoned_ratio", "Abandoned, of those answered or abandoned today",
                channel, null, null, t -> orNaN(pick.apply(t).abandonedShare()));
        gauge(registry, "helpline_today_average_wait_seconds", "Average wait of the contacts answered today",
                channel, null, null, t -> pick.apply(t).averageWait() == null ? Double.NaN : seconds(pick.apply(t).averageWait()));
        gauge(registry, "helpline_today_average_handling_seconds", "Average time from answer to the end of wrap-up today",
                channel, null, null, t -> pick.apply(t).averageHandling() == null ? Double.NaN : seconds(pick.apply(t).averageHandling()));
    }

    private void gauge(MeterRegistry registry, String name, String description, String channel, String key, String value,
                       ToDoubleFunction<Floor.Tallies> read) {
        Gauge.Builder<?> builder = Gauge.builder(name, () -> read.applyAsDouble(today)).tag("channel", channel);
        if (description != null) {
            builder.description(description);
        }
        if (key != null) {
            builder.tag(key, value);
        }
        builder.register(registry);
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static final class Meters {
        final Counter offered;
        final Counter answered;
        final Counter answeredInThreshold;
        final Counter abandoned;
        final DistributionSummary wait;
        final DistributionSummary handling;

        Meters(MeterRegistry registry, String channel, Duration threshold) {
            offered = counter(registry, "helpline_contacts_offered_total", "Contacts that arrived", channel);
            answered = counter(registry, "helpline_contacts_answered_total", "Contacts an operator took (once each)", channel);
            answeredInThreshold = counter(registry, "helpline_contacts_answered_in_threshold_total",
                    "Contacts taken within the service-level threshold", channel);
            abandoned = counter(registry, "helpline_contacts_abandoned_total", "Contacts whose caller left before anyone took them", channel);
            wait = DistributionSummary.builder("helpline_contact_wait").baseUnit("seconds")
                    .description("How long answered contacts waited").tag("channel", channel)
                    .serviceLevelObjectives(withThreshold(threshold)).register(registry);
            handling = DistributionSummary.builder("helpline_contact_handling").baseUnit("seconds")
                    .description("From answer to the end of wrap-up").tag("channel", channel)
                    .serviceLevelObjectives(HANDLING_BUCKETS).register(registry);
        }

        private static Counter counter(MeterRegistry registry, String name, String description, String channel) {
            return Counter.builder(name).description(description).tag("channel", channel).register(registry);
        }

        private static double[] withThreshold(Duration threshold) {
            double seconds = threshold.toMillis() / 1000.0;
            return DoubleStream.concat(Arrays.stream(WAIT_BUCKETS), DoubleStream.of(seconds))
                    .distinct().sorted().toArray();
        }
    }
}
