package org.helpline.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.HelplineEvent;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.core.HelplineEvent.OperatorChanged;
import org.helpline.core.HelplineEvent.UrgentContactWaiting;
import org.helpline.core.NewContact;
import org.helpline.core.OpeningHours;
import org.helpline.core.OperatorProfile;
import org.helpline.core.Presence;
import org.helpline.core.Priority;
import org.helpline.core.Router;
import org.helpline.core.RoutingRules;
import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What supervisors see and what each update carries, fed with a real router's events (Monday 11:00 in Bucharest). */
@DisplayName("the supervisors' floor")
class FloorTest {
    private static final ZoneId BUCHAREST = ZoneId.of("Europe/Bucharest");
    private static final OpeningHours OFFICE = new OpeningHours(BUCHAREST,
            Map.of(DayOfWeek.MONDAY, List.of(OpeningHours.Hours.parse("08:00-16:00"))), Set.of(), Set.of());

    private final FakeClock clock = new FakeClock();
    private final Router router = new Router(new RoutingRules(Duration.ofSeconds(20), Duration.ofSeconds(30),
            Duration.ofSeconds(30), 2), clock);
    private final Floor floor = new Floor(clock, OFFICE, Duration.ofMinutes(2),
            new DailyFigures(clock, BUCHAREST, Duration.ofSeconds(20)));

    private Object apply(Command command) {
        Router.Outcome outcome = router.apply(command);
        feed(outcome.events());
        return outcome.reply();
    }

    private void feed(List<HelplineEvent> events) {
        for (HelplineEvent event : events) {
            switch (event) {
                case ContactChanged c -> floor.contactChanged(c);
                case OperatorChanged o -> floor.operatorChanged(o.operator());
                case UrgentContactWaiting u -> floor.urgentWaiting(u);
            }
        }
    }

    private Contact arrives(Channel channel, Priority priority) {
        return (Contact) apply(new Command.Enqueue(new NewContact(channel, "ro", "abroad", priority, "secret-channel-ref")));
    }

    private void signIn(String operator, Presence presence) {
        apply(new Command.SetPresence(new OperatorProfile(operator, Set.of("ro"), Set.of(Channel.CALL, Channel.CHAT), 3, null),
                presence, presence == Presence.PAUSED ? "break" : null));
    }

    private static List<String> kinds(JsonArray alerts) {
        return alerts.stream().map(a -> ((JsonObject) a).getString("kind")).toList();
    }

    @Test
    void aSnapshotShowsEveryContactInPlayWithoutAnythingPersonal() {
        Contact chat = arrives(Channel.CHAT, Priority.NORMAL);

        JsonObject snapshot = floor.snapshot();

        assertThat(snapshot.getString("type")).isEqualTo("snapshot");
        JsonObject contact = snapshot.getJsonArray("contacts").getJsonObject(0);
        assertThat(contact.fieldNames()).containsExactlyInAnyOrder("id", "channel", "language", "topic", "priority",
                "state", "queuedAt", "stateSince");
        assertThat(contact.getString("id")).isEqualTo(chat.id());
        assertThat(contact.getString("topic")).as("a topic is not personal data").isEqualTo("abroad");
        assertThat(snapshot.encode()).doesNotContain("secret-channel-ref");
        assertThat(snapshot.getJsonObject("figures").getLong("offered")).isEqualTo(1);
    }

    @Test
    void anUpdateCarriesOnlyWhatChangedSinceTheLastOne() {
        Contact first = arrives(Channel.CALL, Priority.NORMAL);
        Contact second = arrives(Channel.CHAT, Priority.NORMAL);
        JsonObject initial = floor.update();
        assertThat(initial.getJsonArray("contacts")).hasSize(2);
        assertThat(floor.update()).isNull();

        apply(new Command.Leave(first.id()));
        JsonObject update = floor.update();

        assertThat(update.fieldNames()).as("one call fewer waits with nobody to take it: the alerts change too")
                .containsExactlyInAnyOrder("type", "serverTime", "removedContacts", "figures", "alerts");
        assertThat(update.getJsonArray("removedContacts")).containsExactly(first.id());
        assertThat(update.getJsonObject("figures").getLong("abandoned")).isEqualTo(1);
        assertThat(floor.contact(second.id())).isPresent();
    }

    @Test
    void anOperatorShowsTheChannelOfWhatTheyHoldNow() {
        signIn("ana", Presence.AVAILABLE);
        floor.update();
        Contact chat = arrives(Channel.CHAT, Priority.NORMAL);

        JsonObject ana = floor.update().getJsonArray("operators").getJsonObject(0);
        assertThat(ana.getString("id")).isEqualTo("ana");
        assertThat(ana.getString("state")).isEqualTo("busy");
        assertThat(ana.getJsonArray("current")).containsExactly("chat");

        apply(new Command.Leave(chat.id()));
        JsonObject after = floor.update().getJsonArray("operators").getJsonObject(0);
        assertThat(after.getJsonArray("current")).isEmpty();
    }

    @Test
    void anUrgentContactWaitingTooLongIsAnAlertUntilSomeoneTakesIt() {
        signIn("ana", Presence.PAUSED);
        Contact urgent = arrives(Channel.CALL, Priority.URGENT);
        floor.update();
        clock.advance(Duration.ofSeconds(30));
        feed(router.tick());

        JsonArray alerts = floor.update().getJsonArray("alerts");
        assertThat(kinds(alerts)).containsExactly("urgent_waiting", "nobody_available");
        assertThat(alerts.getJsonObject(0).getString("contactId")).isEqualTo(urgent.id());

        signIn("ana", Presence.AVAILABLE);
        apply(new Command.Accept("ana", urgent.id()));
        assertThat(floor.update().getJsonArray("alerts")).isEmpty();
    }

    @Test
    void aWaitOverTheThresholdIsOneAlertCountingEveryoneOverIt() {
        signIn("ana", Presence.PAUSED);
        Contact oldest = arrives(Channel.CALL, Priority.NORMAL);
        clock.advance(Duration.ofSeconds(30));
        arrives(Channel.CHAT, Priority.NORMAL);
        arrives(Channel.CHAT, Priority.NORMAL);
        floor.update();

        clock.advance(Duration.ofSeconds(91));
        assertThat(floor.tick()).isTrue();
        JsonObject alert = floor.update().getJsonArray("alerts").getJsonObject(0);

        assertThat(alert.getString("kind")).isEqualTo("long_wait");
        assertThat(alert.getString("contactId")).isEqualTo(oldest.id());
        assertThat(alert.getInteger("count")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(floor.tick()).as("the same alert is not sent again as time passes").isFalse();
        clock.advance(Duration.ofSeconds(30));
        assertThat(floor.update().getJsonArray("alerts").getJsonObject(0).getInteger("count")).isEqualTo(3);
    }

    @Test
    void nobodySignedInWhileTheLineIsOpenIsAnAlert() {
        assertThat(kinds(floor.alerts(clock.instant()))).containsExactly("no_operator");

        signIn("ana", Presence.PAUSED);
        assertThat(floor.alerts(clock.instant())).isEmpty();

        signIn("ana", Presence.OFFLINE);
        clock.advance(Duration.ofHours(6)); // 17:00 in Bucharest: closed
        assertThat(floor.alerts(clock.instant())).isEmpty();
    }

    @Test
    void contactsWaitingForALanguageOrChannelNoAvailableOperatorTakesAreAnAlert() {
        signIn("ana", Presence.AVAILABLE); // Romanian, calls and chats
        apply(new Command.Enqueue(new NewContact(Channel.CHAT, "en", "abroad", Priority.NORMAL, null)));
        apply(new Command.Enqueue(new NewContact(Channel.CHAT, "en", "abroad", Priority.NORMAL, null)));
        arrives(Channel.CALL, Priority.NORMAL); // offered to ana: someone takes Romanian calls

        JsonArray alerts = floor.alerts(clock.instant());
        assertThat(kinds(alerts)).containsExactly("nobody_available");
        assertThat(alerts.getJsonObject(0)).isEqualTo(new JsonObject().put("kind", "nobody_available")
                .put("channel", "chat").put("language", "en").put("count", 2));

        apply(new Command.SetPresence(new OperatorProfile("mark", Set.of("en"), Set.of(Channel.CALL), 3, null),
                Presence.AVAILABLE, null));
        assertThat(kinds(floor.alerts(clock.instant()))).as("mark takes English calls, not chats")
                .containsExactly("nobody_available");
        apply(new Command.SetPresence(new OperatorProfile("mark", Set.of("en"), Set.of(Channel.CHAT), 3, null),
                Presence.AVAILABLE, null));
        assertThat(floor.alerts(clock.instant())).isEmpty();
    }

    @Test
    void aNewDayStartsTheFiguresAgainAndSaysSo() {
        arrives(Channel.CALL, Priority.NORMAL);
        floor.update();

        clock.advance(Duration.ofHours(13)); // 00:00 in Bucharest

        assertThat(floor.tick()).isTrue();
        JsonObject figures = floor.update().getJsonObject("figures");
        assertThat(figures.getString("day")).isEqualTo("2026-11-24");
        assertThat(figures.getLong("offered")).isZero();
    }

    @Test
    void anAlertOnlyASnapshotShowedIsTakenOffByTheNextUpdateWhenItEnds() {
        floor.update();
        JsonObject failing = new JsonObject().put("reference", "HLP-AAAA-BBBB-CCCC").put("route", "adult")
                .put("partner", "anitp").put("attempts", 1).put("state", "queued").put("trouble", "retrying")
                .put("since", clock.instant().toString());
        floor.referralDelivery(failing);
        assertThat(floor.snapshot().getJsonArray("alerts").encode()).contains("referral_failing");

        floor.referralDelivery(failing.copy().put("noticed", "retrying")); // acknowledged before any update went out
        JsonObject update = floor.update();

        assertThat(update).as("the view that got the snapshot must lose the alert").isNotNull();
        assertThat(update.getJsonArray("alerts").encode()).doesNotContain("referral_failing");
    }
}
