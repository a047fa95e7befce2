package org.helpline.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.helpline.bus.CoreCodecs;
import org.helpline.config.PrivacyConfig;
import org.helpline.core.Addresses;
import org.helpline.core.ChangeReason;
import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.core.NewContact;
import org.helpline.core.Priority;
import org.helpline.store.MemoryStore;
import org.helpline.testing.Api;
import org.helpline.testing.Eventually;
import org.helpline.testing.FakeClock;
import org.helpline.testing.LogCapture;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("anonymous statistics")
class StatisticsTest {
    /** Monday 23 November 2026, 11:00 in Bucharest. */
    private final FakeClock clock = new FakeClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final MemoryStore store = new MemoryStore(clock);
    private final PrivacyConfig.StatisticsConfig config = PrivacyConfig.defaults().statistics();
    private Vertx vertx;
    private Statistics statistics;
    private int contacts;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        CoreCodecs.register(vertx.eventBus());
        statistics = new Statistics(config, store, clock);
        vertx.deployVerticle(statistics).await();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    private Contact finished(Channel channel, String language, String topic, ContactState state, String outcome) {
        Instant now = clock.instant();
        return new Contact("c-" + ++contacts, channel, language, topic, Priority.NORMAL, state, contacts, now, now,
                null, null, Set.of(), false, outcome, "ref-" + contacts);
    }

    private void publish(Contact contact) {
        vertx.eventBus().publish(Addresses.CONTACT_EVENTS, new ContactChanged(contact, ChangeReason.WRAPPED_UP));
    }

    private String statisticsCsv(LocalDate from, LocalDate to) {
        return statistics.csv(from, to).await();
    }

    @Test
    void countsEachFinishedContactOncePerDimension() {
        publish(finished(Channel.CALL, "ro", "abroad", ContactState.CLOSED, "advice_given"));
        publish(finished(Channel.CHAT, "en", "unknown", ContactState.ABANDONED, null));
        publish(finished(Channel.CHAT, "ro", "abroad", ContactState.CONNECTED, null)); // not finished: not counted
        vertx.eventBus().publish(Addresses.REFERRAL_EVENTS, new JsonObject().put("outcome", "referred").put("route", "child"));
        vertx.eventBus().publish(Addresses.REFERRAL_EVENTS, new JsonObject().put("outcome", "no_consent").putNull("route"));

        Eventually.until(() -> statisticsCsv(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-23"))
                .contains("referral_outcome,no_consent"), "every event counted");
        String csv = statisticsCsv(LocalDate.parse("2026-11-22"), LocalDate.parse("2026-11-24"));

        assertThat(csv.lines()).containsExactly(
                "date,dimension,value,count",
                "2026-11-23,channel,call,1",
                "2026-11-23,channel,chat,1",
                "2026-11-23,language,en,1",
                "2026-11-23,language,ro,1",
                "2026-11-23,outcome,abandoned,1",
                "2026-11-23,outcome,advice_given,1",
                "2026-11-23,referral_outcome,no_consent,1",
                "2026-11-23,referral_outcome,referred,1",
                "2026-11-23,referral_route,child,1",
                "2026-11-23,topic,abroad,1",
                "2026-11-23,topic,unknown,1");
    }

    @Test
    void aValueThatIsNotACodeCountsAsOther() {
        publish(finished(Channel.CHAT, "ro", "Ion Popescu 0721234567", ContactState.CLOSED, "advice_given"));

        Eventually.until(() -> statisticsCsv(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-23"))
                .contains("topic,other,1"), "counted as other");
        assertThat(statisticsCsv(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-23"))).doesNotContain("Popescu");
    }

    @Test
    void countsSurviveARestartAndTheDayIsTheHelplinesLocalDay() {
        publish(finished(Channel.CALL, "ro", "abroad", ContactState.CLOSED, "advice_given"));
        Eventually.until(() -> statisticsCsv(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-23"))
                .contains("channel,call,1"), "the first call counted");

        vertx.close().await();
        start();
        publish(finished(Channel.CALL, "ro", "abroad", ContactState.CLOSED, "advice_given"));
        Eventually.until(() -> statisticsCsv(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-23"))
                .contains("2026-11-23,channel,call,2"), "counts continued after the restart");

        clock.advance(Duration.ofHours(13).plusMinutes(30)); // 22:30 UTC is 00:30 the next day in Bucharest
        publish(finished(Channel.CALL, "ro", "abroad", ContactState.CLOSED, "advice_given"));
        Eventually.until(() -> statisticsCsv(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-24"))
                .contains("2026-11-24,channel,call,1"), "counted on the local day");
        assertThat(statisticsCsv(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-24")))
                .contains("2026-11-23,channel,call,2");
    }

    @Test
    void aDaysCountersExpireAfterKeepFor() {
        publish(finished(Channel.CALL, "ro", "abroad", ContactState.CLOSED, "advice_given"));
        Eventually.until(() -> store.get("stats:2026-11-23").await() != null, "stored");

        clock.advance(Duration.ofDays(400));

        assertThat(store.get("stats:2026-11-23").await()).isNull();
    }

    @Test
    void exportsOnlyToSupervisorsAndAuditsIt(@TempDir Path dir) {
        try (TestServer server = TestServer.start(dir, clock, "", List.of(TestServer.operator("ana", "ro"),
                TestServer.supervisor("sofia")))) {
            var contact = server.commands().contact(new Command.Enqueue(new NewContact(Channel.CHAT, "ro", "abroad",
                    Priority.NORMAL, "chat-1"))).await();
            server.commands().contact(new Command.Leave(contact.id())).await();
            Api supervisor = new Api(server, "sofia");

            try (LogCapture log = new LogCapture()) {
                Eventually.until(() -> supervisor.get("/api/statistics.csv?from=2026-11-23&to=2026-11-23").body()
                        .contains("outcome,abandoned,1"), "the abandoned chat counted");
                HttpResponse<String> response = supervisor.get("/api/statistics.csv?from=2026-11-23&to=2026-11-23");
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
                assertThat(log.text()).contains("account=sofia action=exported what=statistics from=2026-11-23 to=2026-11-23");
            }
            assertThat(new Api(server, "ana").get("/api/statistics.csv?from=2026-11-23&to=2026-11-23").statusCode()).isEqualTo(403);
            assertThat(supervisor.get("/api/statistics.csv?from=2026-11-23").statusCode()).isEqualTo(400);
            assertThat(supervisor.get("/api/statistics.csv?from=2026-11-23&to=2025-01-01").statusCode()).isEqualTo(400);
            assertThat(supervisor.get("/api/statistics.csv?from=2024-01-01&to=2026-11-23").statusCode()).isEqualTo(400);
        }
    }
}
