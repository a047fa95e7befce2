package org.helpline;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.helpline.config.ConfigException;
import org.helpline.config.HelplineConfig;
import org.helpline.config.ReferralConfig;
import org.helpline.guidance.Established;
import org.helpline.guidance.Guidance;
import org.helpline.guidance.GuidanceLibrary;
import org.helpline.guidance.IndicatorGroup;
import org.helpline.guidance.Script;
import org.helpline.guidance.Step;
import org.helpline.privacy.RepeatCallers;
import org.helpline.privacy.RetentionSweeper;
import org.helpline.referral.ReferralDesk;
import org.helpline.statistics.Statistics;
import org.helpline.store.HelplineStore;
import org.helpline.web.ReferralRoutes;
import org.helpline.web.StatisticsRoutes;
import org.helpline.web.WebServerVerticle;
import org.helpline.web.auth.AccessControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rooms that keep as little as the work needs, for as short a time as it allows: repeat callers (when
 * on), anonymous statistics, the referral desk (when on) and the retention sweeper over all of them. Started
 * after telephony and before the web server and the dispatch, so they hear every event.
 */
final class PrivacyRooms {
    private static final Logger LOG = LoggerFactory.getLogger(PrivacyRooms.class);

    private final List<String> deployments;
    private final Statistics statistics;
    private final ReferralDesk referrals;
    private final RetentionSweeper sweeper;
    private final ReferralConfig referralConfig;

    private PrivacyRooms(List<String> deployments, Statistics statistics, ReferralDesk referrals,
                         RetentionSweeper sweeper, ReferralConfig referralConfig) {
        this.deployments = deployments;
        this.statistics = statistics;
        this.referrals = referrals;
        this.sweeper = sweeper;
        this.referralConfig = referralConfig;
    }

    static Future<PrivacyRooms> start(Vertx vertx, HelplineConfig config, Clock clock, HelplineStore store) {
        ReferralConfig referral = config.referral();
        Future<Set<String>> indicators = referral.enabled()
                ? vertx.executeBlocking(() -> checkIndicators(referral, Path.of(config.guidance().directory())), false)
                : Future.succeededFuture(Set.of());
        if (referral.enabled() && !config.store().usesRedis()) {
            LOG.warn("referral.outbox.memory_only reason=\"store.type is memory: a restart loses referrals not yet delivered\"");
        }
        List<String> deployed = new ArrayList<>();
        Statistics statistics = new Statistics(config.privacy().statistics(), store, clock);
        return indicators.compose(known -> start(vertx, config, clock, store, statistics, deployed,
                referral.enabled() ? new ReferralDesk(referral, store, clock, known) : null));
    }

    private static Future<PrivacyRooms> start(Vertx vertx, HelplineConfig config, Clock clock, HelplineStore store,
                                              Statistics statistics, List<String> deployed, ReferralDesk desk) {
        ReferralConfig referral = config.referral();
        List<RetentionSweeper.Sweep> sweeps = new ArrayList<>(List.of(new RetentionSweeper.Sweep("store", store::sweepExpired)));
        if (desk != null) {
            sweeps.add(new RetentionSweeper.Sweep("referrals", desk::sweep));
        }
        RetentionSweeper sweeper = new RetentionSweeper(config.privacy().sweepEvery(), sweeps);
        Future<Void> started = Future.succeededFuture();
        if (config.telephony().enabled() && config.telephony().repeatCallers().enabled()) {
            started = started.compose(v -> vertx.deployVerticle(new RepeatCallers(store, config.telephony().repeatCallers().window())))
                    .map(id -> remember(deployed, id));
        }
        started = started.compose(v -> vertx.deployVerticle(statistics)).map(id -> remember(deployed, id));
        if (desk != null) {
            started = started.compose(v -> vertx.deployVerticle(desk)).map(id -> remember(deployed, id));
        }
        started = started.compose(v -> vertx.deployVerticle(sweeper)).map(id -> remember(deployed, id));
        return started.map(v -> new PrivacyRooms(deployed, statistics, desk, sweeper, referral))
                .recover(failure -> {
                    Future<Void> undone = Future.succeededFuture();
                    for (String id : deployed.reversed()) {
                        undone = undone.eventually(() -> vertx.undeploy(id));
                    }
                    return undone.transform(v -> Future.failedFuture(failure));
                });
    }

    private static Void remember(List<String> deployed, String id) {
        deployed.add(id);
        return null;
    }

    /**
     * Rule ids must be the guidance's indicator ids (a typo would silently never count), and the needs and kinds
     * scripts establish must be ones the referral form offers (or they would never reach it). @return the indicator ids
     */
    static Set<String> checkIndicators(ReferralConfig referral, Path guidance) {
        Guidance content = GuidanceLibrary.load(guidance);
        checkNeeds(referral, content);
        Set<String> known = new HashSet<>();
        for (IndicatorGroup group : content.indicatorGroups()) {
            group.indicators().forEach(indicator -> known.add(indicator.id()));
        }
        for (int i = 0; i < referral.presumedVictim().size(); i++) {
            for (String id : referral.presumedVictim().get(i).indicators()) {
                if (!known.contains(id)) {
                    throw new ConfigException("referral.presumedVictim[" + i + "].indicators",
                            "'" + id + "' is not an indicator in " + guidance.resolve("indicators.yaml"));
                }
            }
        }
        return known;
    }

    private static void checkNeeds(ReferralConfig referral, Guidance content) {
        for (Script script : content.scripts().values()) {
            for (Step step : script.steps()) {
                List<Established> said = new ArrayList<>();
                said.add(step.establishes());
                step.answers().forEach(answer -> said.add(answer.establishes()));
                said.stream().filter(Objects::nonNull).flatMap(facts -> facts.needs().stream())
                        .filter(need -> !referral.needs().contains(need)).findFirst().ifPresent(need -> {
                            throw new ConfigException("referral.needs", "'" + need + "' (established by script '"
                                    + script.id() + "', step '" + step.id() + "') is not one of the needs listed");
                        });
                said.stream().filter(Objects::nonNull).map(Established::kind).filter(Objects::nonNull)
                        .filter(kind -> !referral.kinds().contains(kind)).findFirst().ifPresent(kind -> {
                            throw new ConfigException("referral.kinds", "'" + kind + "' (established by script '"
                                    + script.id() + "', step '" + step.id() + "') is not one of the kinds listed");
                        });
            }
        }
    }

    /** The deployments, in the order they were made (stop them in reverse). */
    List<String> deployments() {
        return deployments;
    }

    void mount(WebServerVerticle web, AccessControl access) {
        web.mount(router -> new ReferralRoutes(referrals, referralConfig, access).mount(router));
        web.mount(router -> new StatisticsRoutes(statistics, access).mount(router));
    }

    ReferralDesk referrals() {
        return referrals;
    }

    RetentionSweeper sweeper() {
        return sweeper;
    }
}
