package org.helpline.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.HelplineEvent;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.core.NewContact;
import org.helpline.core.OperatorProfile;
import org.helpline.core.Presence;
import org.helpline.core.Priority;
import org.helpline.core.Router;
import org.helpline.core.RoutingRules;
import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Today's figures, fed with the events of a real router on a fake clock. */
@DisplayName("today's figures")
class DailyFiguresTest {
    private static final ZoneId BUCHAREST = ZoneId.of("Europe/Bucharest");
    private static final Duration THRESHOLD = Duration.ofSeconds(20);

    private FakeClock clock = new FakeClock(Instant.parse("2026-11-23T09:00:00Z"));
    private Router router = new Router(new RoutingRules(Duration.ofMinutes(5), Duration.ofSeconds(30),
            Duration.ofMinutes(10), 2), clock);
    private DailyFigures figures = new DailyFigures(clock, BUCHAREST, THRESHOLD);

    private Object apply(Command command) {
        Router.Outcome outcome = router.apply(command);
        feed(outcome.events());
        return outcome.reply();
    }

    private void feed(List<HelplineEvent> events) {
        events.stream().filter(ContactChanged.class::isInstance).map(ContactChanged.class::cast).forEach(figures::contactChanged);
    }

    private Contact arrives(Channel channel, String language) {
        return (Contact) apply(new Command.Enqueue(new NewContact(channel, language, "abroad", Priority.NORMAL, null)));
    }

    private void signIn(String operator, String... languages) {
        apply(new Command.SetPresence(new OperatorProfile(operator, Set.of(languages), Set.of(Channel.CALL, Channel.CHAT), 3, "2001"),
                Presence.AVAILABLE, null));
    }

    private void pass(Duration duration) {
        clock.advance(duration);
        feed(router.tick());
    }

    @Test
    void serviceLevelIsTheShareAnsweredWithinTheThresholdOfThoseAnsweredOrAbandoned() {
        Contact quick = arrives(Channel.CALL, "ro");
        Contact slow = arrives(Channel.CALL, "ro");
        Contact gone = arrives(Channel.CHAT, "ro");
        arrives(Channel.CHAT, "en"); // still waiting: not counted either way
        pass(Duration.ofSeconds(5));
        apply(new Command.Leave(gone.id()));
        signIn("ana", "ro");
        pass(Duration.ofSeconds(5));
        apply(new Command.Accept("ana", quick.id()));       // waited 10 s
        apply(new Command.End("ana", quick.id()));
        apply(new Command.WrapUp("ana", quick.id(), "advice_given"));
        pass(Duration.ofSeconds(20));
        apply(new Command.Accept("ana", slow.id()));        // waited 30 s

        Tally all = figures.all();
        assertThat(all.offered()).isEqualTo(4);
        assertThat(all.answered()).isEqualTo(2);
        assertThat(all.answeredInThreshold()).isEqualTo(1);
        assertThat(all.abandoned()).isEqualTo(1);
        assertThat(all.serviceLevel()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(all.abandonedShare()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(all.averageWait()).isEqualTo(Duration.ofSeconds(20));
        assertThat(figures.of(Channel.CALL).answered()).isEqualTo(2);
        assertThat(figures.of(Channel.CHAT).abandoned()).isEqualTo(1);
        assertThat(figures.of(Channel.CHAT).serviceLevel()).isZero();
    }

    @Test
    void nothingIsShownAsAPercentageBeforeAnyWaitHasEnded() {
        arrives(Channel.CALL, "ro");

        assertThat(figures.all().serviceLevel()).isNull();
        assertThat(figures.all().averageWait()).isNull();
        assertThat(figures.all().averageHandling()).isNull();
    }

    @Test
    void handlingTimeRunsFromAnswerToTheEndOfWrapUpWhetherRecordedOrTimedOut() {
        signIn("ana", "ro");
        Contact first = arrives(Channel.CHAT, "ro");
        apply(new Command.Accept("ana", first.id()));
        pass(Duration.ofMinutes(5));
        apply(new Command.End("ana", first.id()));
        pass(Duration.ofSeconds(10));
        apply(new Command.WrapUp("ana", first.id(), "advice_given")); // 5 min 10 s
        Contact second = arrives(Channel.CHAT, "ro");
        apply(new Command.Accept("ana", second.id()));
        pass(Duration.ofMinutes(2));
        apply(new Command.End("ana", second.id()));
        pass(Duration.ofSeconds(30));                                   // wrap-up runs out: 2 min 30 s

        assertThat(figures.all().handled()).isEqualTo(2);
        assertThat(figures.all().averageHandling()).isEqualTo(Duration.ofSeconds((310 + 150) / 2));
    }

    @Test
    void aChatHandedOnIsAnsweredOnceAndACallerWhoLeavesAfterwardsIsNotAbandoned() {
        signIn("ana", "ro");
        Contact chat = arrives(Channel.CHAT, "ro");
        apply(new Command.Accept("ana", chat.id()));
        apply(new Command.Transfer("ana", chat.id(), "en", null));
        apply(new Command.Leave(chat.id()));

        assertThat(figures.all().answered()).isEqualTo(1);
        assertThat(figures.all().abandoned()).isZero();
    }

    @Test
    void theDayStartsAgainAtMidnightInTheHelplinesTimeZone() {
        clock = new FakeClock(Instant.parse("2026-11-23T21:50:00Z")); // 23:50 in Bucharest
        router = new Router(new RoutingRules(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(10), 2), clock);
        figures = new DailyFigures(clock, BUCHAREST, THRESHOLD);
        Contact lateCaller = arrives(Channel.CALL, "ro");
        assertThat(figures.day()).isEqualTo(LocalDate.parse("2026-11-23"));

        clock.advance(Duration.ofMinutes(9));                           // 23:59
        assertThat(figures.rollOver()).isFalse();
        assertThat(figures.all().offered()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));                           // 00:01, still 22:01 UTC
        assertThat(figures.rollOver()).isTrue();
        assertThat(figures.day()).isEqualTo(LocalDate.parse("2026-11-24"));
        assertThat(figures.all().offered()).isZero();

        apply(new Command.Leave(lateCaller.id()));                      // yesterday's caller leaves today
        assertThat(figures.all().abandoned()).isEqualTo(1);
        assertThat(figures.all().offered()).isZero();
    }

    @Test
    void contactsRestoredAfterARestartAreFollowedButNotOfferedAgain() {
        signIn("ana", "ro");
        Contact talking = arrives(Channel.CALL, "ro");
        apply(new Command.Accept("ana", talking.id()));
        Contact waiting = arrives(Channel.CALL, "ro");
        pass(Duration.ofMinutes(3));

        Router restarted = new Router(new RoutingRules(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(10), 2), clock);
        DailyFigures afterRestart = new DailyFigures(clock, BUCHAREST, THRESHOLD);
        List<HelplineEvent> restored = restarted.restore(List.of(router.contact(talking.id()).orElseThrow(),
                router.contact(waiting.id()).orElseThrow()), router.operators());
        restored.stream().filter(ContactChanged.class::isInstance).map(ContactChanged.class::cast).forEach(afterRestart::contactChanged);
        restarted.apply(new Command.End("ana", talking.id())).events().stream().filter(ContactChanged.class::isInstance)
                .map(ContactChanged.class::cast).forEach(afterRestart::contactChanged);
        restarted.apply(new Command.WrapUp("ana", talking.id(), "advice_given")).events().stream()
                .filter(ContactChanged.class::isInstance).map(ContactChanged.class::cast).forEach(afterRestart::contactChanged);

        assertThat(afterRestart.all().offered()).isZero();
        assertThat(afterRestart.all().handled()).isEqualTo(1);
        assertThat(afterRestart.all().averageHandling()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void serviceLevelAndAbandonedSharePerLanguage() {
        Contact roQuick = arrives(Channel.CHAT, "ro");
        Contact enGone = arrives(Channel.CHAT, "en");
        Contact enSlow = arrives(Channel.CHAT, "en");
        signIn("ana", "ro", "en");
        apply(new Command.Accept("ana", roQuick.id()));                 // ro: answered at once
        apply(new Command.Leave(enGone.id()));                          // en: abandoned
        pass(Duration.ofSeconds(25));
        apply(new Command.Accept("ana", enSlow.id()));                  // en: answered after 25 s, over the threshold

        Tally ro = figures.today().byLanguage().get("ro");
        Tally en = figures.today().byLanguage().get("en");
        assertThat(ro.offered()).isEqualTo(1);
        assertThat(ro.serviceLevel()).isEqualTo(1.0);
        assertThat(ro.abandonedShare()).isZero();
        assertThat(en.offered()).isEqualTo(2);
        assertThat(en.serviceLevel()).isZero();
        assertThat(en.abandonedShare()).isEqualTo(0.5);
        assertThat(figures.today().byLanguage()).containsOnlyKeys("en", "ro");
    }

    @Test
    void theLastHalfHourCountsEachStepInItsMinuteAndForgetsItThirtyMinutesLater() {
        signIn("ana", "ro");
        Contact early = arrives(Channel.CALL, "ro");
        apply(new Command.Accept("ana", early.id()));                   // 09:00: offered and answered in time
        apply(new Command.End("ana", early.id()));
        apply(new Command.WrapUp("ana", early.id(), "advice_given"));
        pass(Duration.ofMinutes(20));
        Contact gone = arrives(Channel.CHAT, "ro");                     // 09:20: offered, then abandoned
        apply(new Command.Leave(gone.id()));

        Breakdown both = figures.lastHalfHour();
        assertThat(both.all().offered()).isEqualTo(2);
        assertThat(both.all().serviceLevel()).isEqualTo(0.5);
        assertThat(both.byLanguage().get("ro").abandonedShare()).isEqualTo(0.5);

        pass(Duration.ofMinutes(9));                                    // 09:29: 09:00 is still within the window
        assertThat(figures.lastHalfHour().all().offered()).isEqualTo(2);
        pass(Duration.ofMinutes(1));                                    // 09:30: the 09:00 minute left it
        assertThat(figures.rollOver()).as("the figures changed with time alone").isTrue();
        Breakdown recent = figures.lastHalfHour();
        assertThat(recent.all().offered()).isEqualTo(1);
        assertThat(recent.all().serviceLevel()).isZero();
        assertThat(recent.all().abandonedShare()).isEqualTo(1.0);
        assertThat(recent.of(Channel.CALL)).isEqualTo(Tally.EMPTY);
        assertThat(figures.all().offered()).as("today still counts both").isEqualTo(2);

        pass(Duration.ofMinutes(21));                                   // 09:51: nothing within the last half hour
        assertThat(figures.lastHalfHour().all()).isEqualTo(Tally.EMPTY);
        assertThat(figures.lastHalfHour().all().serviceLevel()).isNull();
    }
}
