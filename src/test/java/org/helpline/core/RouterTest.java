package org.helpline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.helpline.core.Command.Accept;
import org.helpline.core.Command.Decline;
import org.helpline.core.Command.End;
import org.helpline.core.Command.Enqueue;
import org.helpline.core.Command.Leave;
import org.helpline.core.Command.MissOffer;
import org.helpline.core.Command.SetPresence;
import org.helpline.core.Command.WrapUp;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.core.HelplineEvent.OperatorChanged;
import org.helpline.core.HelplineEvent.UrgentContactWaiting;
import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static final Duration OFFER_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration WRAP_UP = Duration.ofSeconds(30);
    private static final Duration URGENT_ALERT = Duration.ofSeconds(30);

    private final FakeClock clock = new FakeClock();
    private final Router router = new Router(new RoutingRules(OFFER_TIMEOUT, WRAP_UP, URGENT_ALERT, 2), clock);

    private Contact arrive(Channel channel, String language, Priority priority) {
        Contact contact = (Contact) router.apply(new Enqueue(new NewContact(channel, language, "abroad", priority, null))).reply();
        clock.advance(Duration.ofSeconds(1));
        return contact;
    }

    private Contact call(String language) {
        return arrive(Channel.CALL, language, Priority.NORMAL);
    }

    private Contact chat(String language) {
        return arrive(Channel.CHAT, language, Priority.NORMAL);
    }

    private static OperatorProfile profile(String id, Set<String> languages, Set<Channel> channels) {
        return new OperatorProfile(id, languages, channels, 3, null);
    }

    private Router.Outcome available(String id, String... languages) {
        Router.Outcome outcome = router.apply(new SetPresence(
                profile(id, Set.of(languages), Set.of(Channel.CALL, Channel.CHAT)), Presence.AVAILABLE, null));
        clock.advance(Duration.ofSeconds(1));
        return outcome;
    }

    private Contact current(Contact contact) {
        return router.contact(contact.id()).orElseThrow();
    }

    private Operator operator(String id) {
        return router.operator(id).orElseThrow();
    }

    private Router.Outcome connect(String operatorId, Contact contact) {
        return router.apply(new Accept(operatorId, contact.id()));
    }

    @Nested
    @DisplayName("queue order")
    class QueueOrder {
        @Test
        void offersUrgentContactsFirstThenTheLongestWaiting() {
            Contact first = call("ro");
            Contact second = call("ro");
            Contact urgent = arrive(Channel.CALL, "ro", Priority.URGENT);

            assertThat(router.queue()).extracting(Contact::id).containsExactly(urgent.id(), first.id(), second.id());
            available("ana", "ro");
            assertThat(current(urgent).state()).isEqualTo(ContactState.OFFERED);
            assertThat(current(first).state()).isEqualTo(ContactState.QUEUED);
        }

        @Test
        void callsAndChatsShareOneQueue() {
            Contact chat = chat("ro");
            Contact call = call("ro");
            available("ana", "ro");

            assertThat(current(chat).state()).isEqualTo(ContactState.OFFERED);
            assertThat(current(call).state()).isEqualTo(ContactState.QUEUED);
            assertThat(router.positionOf(call.id())).isEqualTo(1);
        }

        @Test
        void locatingAContactTellsItsPlace() {
            call("ro");
            Contact second = call("ro");
            QueuePlace place = (QueuePlace) router.apply(new Command.Locate(second.id())).reply();
            assertThat(place.position()).isEqualTo(2);
            assertThat(place.contact().id()).isEqualTo(second.id());
        }

        @Test
        void locatingACallByItsChannelTellsItsPlace() {
            call("ro");
            Contact onChannel = (Contact) router.apply(new Enqueue(
                    new NewContact(Channel.CALL, "ro", null, Priority.NORMAL, "PJSIP/carrier-00000002"))).reply();
            router.apply(new Enqueue(new NewContact(Channel.CHAT, "ro", null, Priority.NORMAL, "PJSIP/carrier-00000003")));

            QueuePlace place = (QueuePlace) router.apply(new Command.LocateCall("PJSIP/carrier-00000002")).reply();
            assertThat(place.contact().id()).isEqualTo(onChannel.id());
            assertThat(place.position()).isEqualTo(2);
            assertThatThrownBy(() -> router.apply(new Command.LocateCall("PJSIP/carrier-00000003")))
                    .as("only calls are found by channel").isInstanceOf(RejectedCommand.class);
            assertThatThrownBy(() -> router.apply(new Command.LocateCall("PJSIP/carrier-00000009")))
                    .isInstanceOf(RejectedCommand.class).hasMessageContaining("PJSIP/carrier-00000009");
        }

        @Test
        void positionCountsOnlyThoseAhead() {
            Contact first = call("ro");
            Contact second = call("ro");
            Contact urgent = arrive(Channel.CALL, "ro", Priority.URGENT);

            assertThat(router.positionOf(urgent.id())).isEqualTo(1);
            assertThat(router.positionOf(first.id())).isEqualTo(2);
            assertThat(router.positionOf(second.id())).isEqualTo(3);
        }
    }

    @Nested
    @DisplayName("choosing the operator")
    class Choosing {
        @Test
        void offersOnlyToAnOperatorWhoSpeaksTheLanguage() {
            available("ana", "ro");
            Contact english = call("en");
            assertThat(current(english).state()).isEqualTo(ContactState.QUEUED);

            available("john", "en");
            assertThat(current(english).operatorId()).isEqualTo("john");
        }

        @Test
        void offersToTheOperatorIdleLongest() {
            available("ana", "ro");
            available("bogdan", "ro");
            Contact contact = call("ro");
            assertThat(current(contact).operatorId()).isEqualTo("ana");
        }

        @Test
        void anOperatorWhoJustFinishedWaitsBehindOthersWhoAreIdle() {
            available("ana", "ro");
            Contact first = call("ro");
            available("bogdan", "ro");
            connect("ana", first);
            router.apply(new End("ana", first.id()));
            router.apply(new WrapUp("ana", first.id(), "advice_given"));
            clock.advance(Duration.ofSeconds(1));

            Contact next = call("ro");
            assertThat(current(next).operatorId()).isEqualTo("bogdan");
        }

        @Test
        void anOperatorOnACallTakesNothingElse() {
            available("ana", "ro");
            Contact call = call("ro");
            connect("ana", call);
            Contact chat = chat("ro");
            assertThat(current(chat).state()).isEqualTo(ContactState.QUEUED);
        }

        @Test
        void anOperatorTakesChatsUpToTheirCapacityButNoCallMeanwhile() {
            available("ana", "ro");
            List<Contact> chats = List.of(chat("ro"), chat("ro"), chat("ro"), chat("ro"));
            Contact call = call("ro");

            assertThat(chats.subList(0, 3)).allSatisfy(c -> assertThat(current(c).operatorId()).isEqualTo("ana"));
            assertThat(current(chats.get(3)).state()).isEqualTo(ContactState.QUEUED);
            assertThat(current(call).state()).isEqualTo(ContactState.QUEUED);
            assertThat(operator("ana").load()).isEqualTo(3);
        }

        @Test
        void anOperatorWhoTakesNoCallsIsNotOfferedOne() {
            router.apply(new SetPresence(profile("ana", Set.of("ro"), Set.of(Channel.CHAT)), Presence.AVAILABLE, null));
            Contact call = call("ro");
            assertThat(current(call).state()).isEqualTo(ContactState.QUEUED);
        }

        @Test
        void aPausedOperatorGetsNoOffers() {
            router.apply(new SetPresence(profile("ana", Set.of("ro"), Set.of(Channel.CALL)), Presence.PAUSED, "break"));
            Contact call = call("ro");
            assertThat(current(call).state()).isEqualTo(ContactState.QUEUED);
            assertThat(operator("ana").state()).isEqualTo(OperatorState.PAUSED);
            assertThat(operator("ana").pauseReason()).isEqualTo("break");
        }

        @Test
        void anOperatorWhoMissedAContactIsAskedLast() {
            available("ana", "ro");
            Contact contact = call("ro");
            available("bogdan", "ro");
            router.apply(new Decline("ana", contact.id()));
            assertThat(current(contact).operatorId()).isEqualTo("bogdan");
        }

        @Test
        void aContactMissedByEveryoneIsStillOfferedAgain() {
            available("ana", "ro");
            Contact contact = call("ro");
            router.apply(new Decline("ana", contact.id()));
            assertThat(current(contact).state()).isEqualTo(ContactState.OFFERED);
            assertThat(current(contact).operatorId()).isEqualTo("ana");
        }
    }

    @Nested
    @DisplayName("offers")
    class Offers {
        @Test
        void anOfferCarriesItsDeadline() {
            available("ana", "ro");
            Instant offeredAt = clock.instant();
            Contact contact = call("ro");
            assertThat(current(contact).deadline()).isEqualTo(offeredAt.plus(OFFER_TIMEOUT));
        }

        @Test
        void anUnansweredOfferGoesBackToItsOldPlace() {
            available("ana", "ro");
            Contact first = call("ro");
            Contact second = call("ro");
            assertThat(current(first).operatorId()).isEqualTo("ana");

            clock.advance(OFFER_TIMEOUT);
            router.tick();
            clock.advance(OFFER_TIMEOUT);
            router.tick();

            assertThat(current(first).state()).isEqualTo(ContactState.QUEUED);
            assertThat(current(first).missedBy()).containsExactly("ana");
            assertThat(router.queue()).extracting(Contact::id).containsExactly(first.id(), second.id());
        }

        @Test
        void twoMissedOffersInARowPauseTheOperator() {
            available("ana", "ro");
            call("ro");
            clock.advance(OFFER_TIMEOUT);
            router.tick();
            assertThat(operator("ana").missedInRow()).isEqualTo(1);
            assertThat(operator("ana").presence()).isEqualTo(Presence.AVAILABLE);

            clock.advance(OFFER_TIMEOUT);
            List<HelplineEvent> events = router.tick();

            assertThat(operator("ana").state()).isEqualTo(OperatorState.PAUSED);
            assertThat(operator("ana").pauseReason()).isEqualTo(RoutingRules.MISSED_OFFERS_REASON);
            assertThat(events).filteredOn(OperatorChanged.class::isInstance)
                    .extracting(e -> ((OperatorChanged) e).reason()).contains(ChangeReason.MISSED_OFFERS);
        }

        @Test
        void declineWorksLikeAMissedOffer() {
            available("ana", "ro");
            Contact first = call("ro");
            router.apply(new Decline("ana", first.id()));
            router.apply(new Decline("ana", first.id()));

            assertThat(current(first).state()).isEqualTo(ContactState.QUEUED);
            assertThat(operator("ana").pauseReason()).isEqualTo(RoutingRules.MISSED_OFFERS_REASON);
        }

        @Test
        void acceptingAnOfferResetsTheMissedCount() {
            available("ana", "ro");
            Contact contact = call("ro");
            router.apply(new Decline("ana", contact.id()));
            connect("ana", contact);
            assertThat(operator("ana").missedInRow()).isZero();
        }

        @Test
        void aPhoneThatRingsOutIsAMissedOffer() {
            available("ana", "ro");
            Contact contact = call("ro");
            router.apply(new MissOffer(contact.id()));
            assertThat(operator("ana").missedInRow()).isEqualTo(1);
        }

        @Test
        void pausingWithdrawsOpenOffersWithoutCountingThemMissed() {
            available("ana", "ro");
            Contact contact = chat("ro");
            router.apply(new SetPresence(profile("ana", Set.of("ro"), Set.of(Channel.CHAT)), Presence.PAUSED, "break"));
            assertThat(current(contact).state()).isEqualTo(ContactState.QUEUED);
            assertThat(current(contact).missedBy()).isEmpty();
            assertThat(operator("ana").missedInRow()).isZero();
        }

        @Test
        void onlyTheOperatorOfferedCanAcceptOrDecline() {
            available("ana", "ro");
            Contact contact = call("ro");
            assertThatThrownBy(() -> connect("bogdan", contact))
                    .isInstanceOfSatisfying(RejectedCommand.class, r -> assertThat(r.code()).isEqualTo("not_yours"));
            assertThat(current(contact).state()).isEqualTo(ContactState.OFFERED);
        }
    }

    @Nested
    @DisplayName("conversation and wrap-up")
    class WrapUps {
        @Test
        void wrapUpEndsByItselfAfterTheWrapUpTime() {
            available("ana", "ro");
            Contact contact = call("ro");
            connect("ana", contact);
            router.apply(new End("ana", contact.id()));
            assertThat(operator("ana").state()).isEqualTo(OperatorState.WRAP_UP);

            clock.advance(WRAP_UP);
            List<HelplineEvent> events = router.tick();

            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ContactChanged.class, c -> {
                assertThat(c.contact().state()).isEqualTo(ContactState.CLOSED);
                assertThat(c.contact().outcome()).isEqualTo(RoutingRules.UNRECORDED_OUTCOME);
            }));
            assertThat(router.contact(contact.id())).isEmpty();
            assertThat(operator("ana").state()).isEqualTo(OperatorState.AVAILABLE);
        }

        @Test
        void anOperatorStillAtWorkGetsMoreWrapUpTimeAndOnlyTheirOwn() {
            available("ana", "ro");
            Contact contact = call("ro");
            connect("ana", contact);
            Contact ended = (Contact) router.apply(new End("ana", contact.id())).reply();
            clock.advance(WRAP_UP.minusSeconds(5));

            Contact longer = (Contact) router.apply(new Command.KeepWrappingUp("ana", contact.id())).reply();
            clock.advance(Duration.ofSeconds(10));
            router.tick();

            assertThat(longer.deadline()).isEqualTo(clock.instant().minusSeconds(10).plus(WRAP_UP));
            assertThat(current(contact).state()).isEqualTo(ContactState.WRAP_UP);
            assertThat(current(contact).stateSince()).as("the wrap-up still counts from its start").isEqualTo(ended.stateSince());
            assertThatThrownBy(() -> router.apply(new Command.KeepWrappingUp("bogdan", contact.id())))
                    .isInstanceOfSatisfying(RejectedCommand.class, r -> assertThat(r.code()).isEqualTo("not_yours"));

            clock.advance(WRAP_UP);
            router.tick();
            assertThat(router.contact(contact.id())).isEmpty();
        }

        @Test
        void onlyAContactInWrapUpGetsMoreWrapUpTime() {
            available("ana", "ro");
            Contact contact = call("ro");
            connect("ana", contact);
            assertThatThrownBy(() -> router.apply(new Command.KeepWrappingUp("ana", contact.id())))
                    .isInstanceOfSatisfying(RejectedCommand.class, r -> assertThat(r.code()).isEqualTo("wrong_state"));
        }

        @Test
        void anOperatorCanFinishWrapUpEarlierWithAnOutcome() {
            available("ana", "ro");
            Contact contact = call("ro");
            connect("ana", contact);
            router.apply(new End("ana", contact.id()));
            Contact closed = (Contact) router.apply(new WrapUp("ana", contact.id(), "advice_given")).reply();

            assertThat(closed.state()).isEqualTo(ContactState.CLOSED);
            assertThat(closed.outcome()).isEqualTo("advice_given");
            assertThat(operator("ana").state()).isEqualTo(OperatorState.AVAILABLE);
        }

        @Test
        void theNextContactIsOfferedAsSoonAsWrapUpIsDone() {
            available("ana", "ro");
            Contact first = call("ro");
            Contact waiting = call("ro");
            connect("ana", first);
            router.apply(new End("ana", first.id()));
            assertThat(current(waiting).state()).isEqualTo(ContactState.QUEUED);

            router.apply(new WrapUp("ana", first.id(), "advice_given"));
            assertThat(current(waiting).operatorId()).isEqualTo("ana");
        }

        @Test
        void onlyTheOperatorInTheConversationCanEndIt() {
            available("ana", "ro");
            Contact contact = call("ro");
            connect("ana", contact);
            assertThatThrownBy(() -> router.apply(new End("bogdan", contact.id())))
                    .isInstanceOfSatisfying(RejectedCommand.class, r -> assertThat(r.code()).isEqualTo("not_yours"));
            assertThat(current(contact).state()).isEqualTo(ContactState.CONNECTED);
        }

        @Test
        void aWrapUpNeedsAnOutcome() {
            available("ana", "ro");
            Contact contact = call("ro");
            connect("ana", contact);
            router.apply(new End("ana", contact.id()));
            assertThatThrownBy(() -> router.apply(new WrapUp("ana", contact.id(), " ")))
                    .isInstanceOfSatisfying(RejectedCommand.class, r -> assertThat(r.code()).isEqualTo("outcome_required"));
        }
    }

    @Nested
    @DisplayName("an operator's phone that drops out of a call")
    class PhoneLost {
        private Contact callOn(String channel) {
            Contact contact = (Contact) router.apply(new Enqueue(
                    new NewContact(Channel.CALL, "ro", null, Priority.NORMAL, channel))).reply();
            clock.advance(Duration.ofSeconds(1));
            return contact;
        }

        @Test
        void theCallerGoesBackToTheirPlaceAheadOfLaterCallers() {
            available("ana", "ro");
            Contact first = callOn("PJSIP/carrier-00000001");
            connect("ana", first);
            Contact second = callOn("PJSIP/carrier-00000002");
            Contact third = callOn("PJSIP/carrier-00000003");

            QueuePlace place = (QueuePlace) router.apply(new Command.PhoneLost("PJSIP/carrier-00000001")).reply();

            assertThat(place.position()).isEqualTo(1);
            assertThat(current(first).state()).isEqualTo(ContactState.QUEUED);
            assertThat(current(first).sequence()).isEqualTo(first.sequence());
            assertThat(current(first).queuedAt()).as("its wait counts from its first arrival").isEqualTo(first.queuedAt());
            assertThat(router.queue()).extracting(Contact::id).containsExactly(first.id(), second.id(), third.id());
        }

        @Test
        void theOperatorTakesNoMoreCallsButChatsUntilTheirPhoneWorksAgain() {
            available("ana", "ro");
            Contact call = callOn("PJSIP/carrier-00000001");
            connect("ana", call);

            List<HelplineEvent> events = router.apply(new Command.PhoneLost("PJSIP/carrier-00000001")).events();

            assertThat(events).contains(new OperatorChanged(operator("ana"), ChangeReason.PHONE_LOST));
            assertThat(operator("ana").presence()).as("still there for chats").isEqualTo(Presence.AVAILABLE);
            assertThat(operator("ana").profile().channels()).containsExactly(Channel.CHAT);
            assertThat(current(call).state()).as("not offered to her again").isEqualTo(ContactState.QUEUED);
            Contact chat = chat("ro");
            assertThat(current(chat).state()).isEqualTo(ContactState.OFFERED);
            assertThat(current(chat).operatorId()).isEqualTo("ana");

            router.apply(new Accept("ana", chat.id()));
            router.apply(new End("ana", chat.id()));
            router.apply(new WrapUp("ana", chat.id(), "advice_given"));
            available("ana", "ro"); // the console: her phone works again
            assertThat(current(call).state()).isEqualTo(ContactState.OFFERED);
            assertThat(current(call).operatorId()).isEqualTo("ana");
        }

        @Test
        void anotherOperatorIsOfferedTheCallFirst() {
            available("ana", "ro");
            Contact call = callOn("PJSIP/carrier-00000001");
            connect("ana", call);
            available("bogdan", "ro");

            router.apply(new Command.PhoneLost("PJSIP/carrier-00000001"));

            assertThat(current(call).state()).isEqualTo(ContactState.OFFERED);
            assertThat(current(call).operatorId()).isEqualTo("bogdan");
            assertThat(current(call).missedBy()).containsExactly("ana");
        }

        @Test
        void onlyACallInConversationCanGoBack() {
            Contact waiting = callOn("PJSIP/carrier-00000001");
            assertThatThrownBy(() -> router.apply(new Command.PhoneLost("PJSIP/carrier-00000001")))
                    .isInstanceOfSatisfying(RejectedCommand.class, r -> assertThat(r.code()).isEqualTo("wrong_state"));
            assertThat(current(waiting).state()).isEqualTo(ContactState.QUEUED);
            assertThatThrownBy(() -> router.apply(new Command.PhoneLost("PJSIP/carrier-00000009")))
                    .isInstanceOfSatisfying(RejectedCommand.class, r -> assertThat(r.code()).isEqualTo("unknown_contact"));
        }
    }

    @Nested
    @DisplayName("a caller who leaves")
    class Leaving {
        @Test
        void leavingTheQueueAbandonsTheContact() {
            Contact contact = call("ro");
            Contact gone = (Contact) router.apply(new Leave(contact.id())).reply();
            assertThat(gone.state()).isEqualTo(ContactState.ABANDONED);
            assertThat(router.queue()).isEmpty();
            assertThat(router.contact(contact.id())).isEmpty();
        }

        @Test
        void leavingDuringAnOfferFreesTheOperator() {
            available("ana", "ro");
            Contact contact = call("ro");
            router.apply(new Leave(contact.id()));
            assertThat(operator("ana").state()).isEqualTo(OperatorState.AVAILABLE);
            assertThat(operator("ana").missedInRow()).isZero();
        }

        @Test
        void leavingDuringTheConversationStartsTheWrapUp() {
            available("ana", "ro");
            Contact contact = call("ro");
            connect("ana", contact);
            router.apply(new Leave(contact.id()));
            assertThat(current(contact).state()).isEqualTo(ContactState.WRAP_UP);
        }

        @Test
        void leavingTwiceChangesNothing() {
            Contact contact = call("ro");
            router.apply(new Leave(contact.id()));
            assertThatThrownBy(() -> router.apply(new Leave(contact.id())))
                    .isInstanceOfSatisfying(RejectedCommand.class, r -> assertThat(r.code()).isEqualTo("unknown_contact"));
        }
    }

    @Nested
    @DisplayName("supervisors' decisions")
    class SupervisorDecisions {
        @Test
        void aSupervisorPausesAnOperatorWithTheProfileTheRouterAlreadyHas() {
            available("ana", "ro");
            Contact chat = chat("ro");
            assertThat(current(chat).state()).isEqualTo(ContactState.OFFERED);

            Operator paused = (Operator) router.apply(new Command.SetPresenceOf("ana", Presence.PAUSED, "team meeting")).reply();

            assertThat(paused.state()).isEqualTo(OperatorState.PAUSED);
            assertThat(paused.pauseReason()).isEqualTo("team meeting");
            assertThat(paused.profile()).isEqualTo(profile("ana", Set.of("ro"), Set.of(Channel.CALL, Channel.CHAT)));
            assertThat(current(chat).state()).isEqualTo(ContactState.QUEUED);
            assertThat(current(chat).missedBy()).isEmpty();
        }

        @Test
        void anOperatorLoggedOutByASupervisorFinishesTheConversationInHand() {
            available("ana", "ro");
            Contact chat = chat("ro");
            connect("ana", chat);

            Operator out = (Operator) router.apply(new Command.SetPresenceOf("ana", Presence.OFFLINE, null)).reply();

            assertThat(out.presence()).isEqualTo(Presence.OFFLINE);
            assertThat(out.state()).isEqualTo(OperatorState.BUSY);
            assertThat(current(chat).state()).isEqualTo(ContactState.CONNECTED);
            Contact next = chat("ro");
            assertThat(current(next).state()).isEqualTo(ContactState.QUEUED);
        }

        @Test
        void onlyAnOperatorWhoSignedInCanBePausedAndAPauseNeedsAReason() {
            assertThatThrownBy(() -> router.apply(new Command.SetPresenceOf("nobody", Presence.PAUSED, "break")))
                    .isInstanceOfSatisfying(RejectedCommand.class, r -> assertThat(r.code()).isEqualTo("unknown_operator"));
            available("ana", "ro");
            assertThatThrownBy(() -> router.apply(new Command.SetPresenceOf("ana", Presence.PAUSED, " ")))
                    .isInstanceOfSatisfying(RejectedCommand.class, r -> assertThat(r.code()).isEqualTo("reason_required"));
            assertThat(operator("ana").state()).isEqualTo(OperatorState.AVAILABLE);
        }

        @Test
        void aContactRaisedToUrgentKeepsItsArrivalOrderAmongUrgentOnes() {
            Contact urgentFirst = arrive(Channel.CALL, "ro", Priority.URGENT);
            Contact normalFirst = call("ro");
            Contact raised = call("ro");
            Contact urgentLater = arrive(Channel.CALL, "ro", Priority.URGENT);

            Router.Outcome outcome = router.apply(new Command.RaiseToUrgent(raised.id()));

            Contact reply = (Contact) outcome.reply();
            assertThat(reply.priority()).isEqualTo(Priority.URGENT);
            assertThat(reply.queuedAt()).isEqualTo(raised.queuedAt());
            assertThat(outcome.events()).containsExactly(new ContactChanged(reply, ChangeReason.RAISED_TO_URGENT));
            assertThat(router.queue()).extracting(Contact::id)
                    .containsExactly(urgentFirst.id(), raised.id(), urgentLater.id(), normalFirst.id());
            assertThat(router.positionOf(raised.id())).isEqualTo(2);
        }

        @Test
        void onlyAWaitingContactCanBeRaisedAndRaisingTwiceChangesNothing() {
            Contact urgent = arrive(Channel.CHAT, "ro", Priority.URGENT);
            assertThat(router.apply(new Command.RaiseToUrgent(urgent.id())).events()).isEmpty();

            available("ana", "ro");
            connect("ana", urgent);
            Contact talking = chat("ro");
            connect("ana", talking);
            assertThatThrownBy(() -> router.apply(new Command.RaiseToUrgent(talking.id())))
                    .isInstanceOfSatisfying(RejectedCommand.class, r -> assertThat(r.code()).isEqualTo("wrong_state"));
            assertThat(current(talking).priority()).isEqualTo(Priority.NORMAL);
        }

        @Test
        void aContactRaisedAfterAlongWaitRaisesTheUrgentAlert() {
            Contact waiting = call("ro");
            clock.advance(URGENT_ALERT);
            assertThat(router.tick()).isEmpty();

            router.apply(new Command.RaiseToUrgent(waiting.id()));

            assertThat(router.tick()).singleElement().isInstanceOfSatisfying(UrgentContactWaiting.class,
                    alert -> assertThat(alert.contact().id()).isEqualTo(waiting.id()));
        }

        @Test
        void aContactMovedToAnotherLanguageKeepsItsPlaceForSomeoneWhoSpeaksIt() {
            Contact first = call("ro");
            Contact moved = call("ro");
            Contact english = call("en");

            Router.Outcome outcome = router.apply(new Command.MoveToLanguage(moved.id(), "en"));

            Contact reply = (Contact) outcome.reply();
            assertThat(reply.language()).isEqualTo("en");
            assertThat(outcome.events()).containsExactly(new ContactChanged(reply, ChangeReason.LANGUAGE_CHANGED));
            assertThat(router.queue()).extracting(Contact::id).containsExactly(first.id(), moved.id(), english.id());
            available("bogdan", "en");
            assertThat(current(moved).state()).isEqualTo(ContactState.OFFERED);
            assertThat(current(moved).operatorId()).isEqualTo("bogdan");
            assertThat(current(english).state()).isEqualTo(ContactState.QUEUED);
        }

        @Test
        void onlyAContactStillInTheQueueCanBeMoved() {
            available("ana", "ro");
            Contact offered = chat("ro");

            assertThatThrownBy(() -> router.apply(new Command.MoveToLanguage(offered.id(), "en")))
                    .isInstanceOfSatisfying(RejectedCommand.class, r -> assertThat(r.code()).isEqualTo("wrong_state"));
            assertThatThrownBy(() -> router.apply(new Command.MoveToLanguage("no-such-contact", "en")))
                    .isInstanceOfSatisfying(RejectedCommand.class, r -> assertThat(r.code()).isEqualTo("unknown_contact"));
            Contact queued = call("en");
            assertThatThrownBy(() -> router.apply(new Command.MoveToLanguage(queued.id(), " ")))
                    .isInstanceOfSatisfying(RejectedCommand.class, r -> assertThat(r.code()).isEqualTo("bad_request"));
            assertThat(current(offered).language()).isEqualTo("ro");
        }
    }

    @Nested
    @DisplayName("urgent alerts")
    class UrgentAlerts {
        @Test
        void anUrgentContactWaitingTooLongRaisesOneAlert() {
            Contact urgent = arrive(Channel.CHAT, "ro", Priority.URGENT);
            call("ro");
            clock.advance(Duration.between(clock.instant(), urgent.queuedAt().plus(URGENT_ALERT)).minusSeconds(1));
            assertThat(router.tick()).isEmpty();

            clock.advance(Duration.ofSeconds(1));
            List<HelplineEvent> events = router.tick();
            assertThat(events).singleElement().isInstanceOfSatisfying(UrgentContactWaiting.class, alert -> {
                assertThat(alert.contact().id()).isEqualTo(urgent.id());
                assertThat(alert.waited()).isEqualTo(URGENT_ALERT);
            });

            clock.advance(Duration.ofMinutes(5));
            assertThat(router.tick()).isEmpty();
        }
    }

    @Nested
    @DisplayName("events")
    class Events {
        @Test
        void everyTransitionIsOneEvent() {
            Router.Outcome queued = router.apply(new Enqueue(new NewContact(Channel.CHAT, "ro", null, Priority.NORMAL, null)));
            Contact contact = (Contact) queued.reply();
            assertThat(queued.events()).containsExactly(new ContactChanged(contact, ChangeReason.NEW));

            Router.Outcome offered = available("ana", "ro");
            assertThat(offered.events()).filteredOn(ContactChanged.class::isInstance)
                    .extracting(e -> ((ContactChanged) e).contact().state()).containsExactly(ContactState.OFFERED);
            assertThat(offered.events()).filteredOn(OperatorChanged.class::isInstance)
                    .extracting(e -> ((OperatorChanged) e).operator().state())
                    .containsExactly(OperatorState.AVAILABLE, OperatorState.BUSY);
        }

        @Test
        void aRejectedCommandChangesNothing() {
            available("ana", "ro");
            Contact contact = call("ro");
            List<Contact> before = router.workOf("ana");
            assertThatThrownBy(() -> router.apply(new End("ana", contact.id()))).isInstanceOf(RejectedCommand.class);
            assertThat(router.workOf("ana")).isEqualTo(before);
            assertThat(router.apply(new Accept("ana", contact.id())).events())
                    .allSatisfy(e -> assertThat(e).isNotInstanceOf(UrgentContactWaiting.class));
        }

        @Test
        void aPauseNeedsAReason() {
            assertThatThrownBy(() -> router.apply(new SetPresence(profile("ana", Set.of("ro"), Set.of(Channel.CALL)),
                    Presence.PAUSED, ""))).isInstanceOfSatisfying(RejectedCommand.class,
                    r -> assertThat(r.code()).isEqualTo("reason_required"));
            assertThat(router.operator("ana")).isEmpty();
        }
    }

    @Nested
    @DisplayName("restart")
    class Restart {
        @Test
        void aRestoredRouterKeepsTheQueueOrderAndWithdrawsOffers() {
            available("ana", "ro");
            Contact offered = call("ro");
            Contact second = call("ro");
            Contact urgent = arrive(Channel.CHAT, "ro", Priority.URGENT);
            List<Contact> saved = List.of(current(second), current(offered), current(urgent));
            Operator ana = operator("ana").with(Presence.PAUSED, "restart");

            Router restarted = new Router(new RoutingRules(OFFER_TIMEOUT, WRAP_UP, URGENT_ALERT, 2), clock);
            List<HelplineEvent> restoredEvents = restarted.restore(saved, List.of(ana));

            assertThat(restarted.queue()).extracting(Contact::id).containsExactly(urgent.id(), offered.id(), second.id());
            assertThat(restarted.operator("ana").orElseThrow().state()).isEqualTo(OperatorState.PAUSED);
            assertThat(restoredEvents).filteredOn(ContactChanged.class::isInstance).hasSize(3)
                    .allSatisfy(e -> assertThat(((ContactChanged) e).reason()).isEqualTo(ChangeReason.RESTORED));
            assertThat(restoredEvents).filteredOn(OperatorChanged.class::isInstance).hasSize(1);
            Contact next = (Contact) restarted.apply(new Enqueue(new NewContact(Channel.CALL, "ro", null, Priority.NORMAL, null))).reply();
            assertThat(next.sequence()).isGreaterThan(urgent.sequence());
        }
    }

    @Nested
    @DisplayName("transfers")
    class Transfers {
        private Contact connectedChat(String operatorId, String language) {
            Contact chat = chat(language);
            connect(operatorId, chat);
            return current(chat);
        }

        @Test
        void aChatTransferredToAnotherLanguageGoesBackToItsOldPlaceForSomeoneWhoSpeaksIt() {
            available("ana", "ro");
            Contact transferred = connectedChat("ana", "ro");
            Contact later = chat("en");

            Router.Outcome outcome = router.apply(new Command.Transfer("ana", transferred.id(), "en", null));

            assertThat(outcome.events()).first().isEqualTo(new ContactChanged((Contact) outcome.reply(), ChangeReason.TRANSFERRED));
            assertThat(router.queue()).extracting(Contact::id).containsExactly(transferred.id(), later.id());
            assertThat(current(transferred).language()).isEqualTo("en");
            assertThat(operator("ana").load()).isZero();
            available("bogdan", "en");
            assertThat(current(transferred).state()).isEqualTo(ContactState.OFFERED);
            assertThat(current(transferred).operatorId()).isEqualTo("bogdan");
        }

        @Test
        void theTransferringOperatorIsAskedLast() {
            available("ana", "ro");
            Contact transferred = connectedChat("ana", "ro");
            available("bogdan", "ro");
            router.apply(new Command.SetPresence(profile("bogdan", Set.of("ro"), Set.of(Channel.CHAT)), Presence.PAUSED, "break"));

            router.apply(new Command.Transfer("ana", transferred.id(), null, null));
            assertThat(current(transferred).operatorId()).as("nobody else free: back to ana").isEqualTo("ana");
            available("bogdan", "ro");
            router.apply(new Decline("ana", transferred.id()));

            assertThat(current(transferred).operatorId()).isEqualTo("bogdan");
        }

        @Test
        void aChatTransferredToANamedOperatorIsOfferedToThem() {
            available("ana", "ro");
            available("bogdan", "ro");
            Contact transferred = connectedChat("ana", "ro");

            Contact offered = (Contact) router.apply(new Command.Transfer("ana", transferred.id(), null, "bogdan")).reply();

            assertThat(offered.state()).isEqualTo(ContactState.OFFERED);
            assertThat(offered.operatorId()).isEqualTo("bogdan");
            assertThat(offered.queuedAt()).isEqualTo(transferred.queuedAt());
        }

        @Test
        void aTransferThatCannotBeDoneChangesNothing() {
            available("ana", "ro");
            available("bogdan", "en");
            Contact transferred = connectedChat("ana", "ro");
            Contact call = call("ro");

            assertThatThrownBy(() -> router.apply(new Command.Transfer("ana", transferred.id(), null, "bogdan")))
                    .isInstanceOfSatisfying(RejectedCommand.class, r -> assertThat(r.code()).isEqualTo("target_unavailable"));
            assertThatThrownBy(() -> router.apply(new Command.Transfer("bogdan", transferred.id(), "en", null)))
                    .isInstanceOfSatisfying(RejectedCommand.class, r -> assertThat(r.code()).isEqualTo("not_yours"));
            assertThat(current(transferred).state()).isEqualTo(ContactState.CONNECTED);
            router.apply(new End("ana", transferred.id()));
            router.apply(new WrapUp("ana", transferred.id(), "advice_given"));
            connect("ana", call);
            assertThatThrownBy(() -> router.apply(new Command.Transfer("ana", call.id(), "en", null)))
                    .isInstanceOfSatisfying(RejectedCommand.class, r -> assertThat(r.code()).isEqualTo("transfer_unsupported"));
        }
    }
}
