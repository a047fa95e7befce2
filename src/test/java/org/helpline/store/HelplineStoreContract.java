package org.helpline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Future;
import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.HelplineEvent;
import org.helpline.core.Presence;
import org.helpline.core.Priority;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link HelplineStore} does, whatever keeps the data. Input comes from a real router run
 * through a flow, as dispatch would record it. Each adapter's test supplies a store over fresh data,
 * the shortest TTL it honours, and how to let time pass.
 */
abstract class HelplineStoreContract {
    static final Duration WAIT = Duration.ofSeconds(10);

    /** A store over the data of this test (the same data on every call within a test). */
    protected abstract HelplineStore store();

    /** The shortest TTL the adapter can be relied on to keep a value for. */
    protected abstract Duration shortTtl();

    /** Makes {@code time} pass for the store: a fake clock is moved; for a real one the poll that follows waits. */
    protected abstract void letTimePass(Duration time);

    static <T> T await(Future<T> future) {
        try {
            return future.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + WAIT, e);
        }
    }

    static void recordAll(HelplineStore store, List<List<HelplineEvent>> batches) {
        List<Future<Void>> recorded = batches.stream().map(store::record).toList();
        await(Future.all(recorded));
    }

    @Test
    @DisplayName("gives back the contacts and operators as a shift left them")
    void givesBackContactsAndOperatorsAsTheFlowLeftThem() {
        HelplineFlow flow = HelplineFlow.shift();
        recordAll(store(), flow.batches());

        SavedState saved = await(store().load());

        assertThat(saved.contacts()).containsExactlyElementsOf(flow.liveContacts());
        assertThat(saved.operators()).containsExactlyInAnyOrderElementsOf(flow.operators());
        assertThat(saved.contacts()).extracting(Contact::state)
                .containsExactly(ContactState.QUEUED, ContactState.WRAP_UP, ContactState.QUEUED);
    }

    @Test
    @DisplayName("keeps the urgent alert with the contact, so a restart does not raise it again")
    void keepsTheUrgentAlert() {
        HelplineFlow flow = new HelplineFlow();
        Contact urgent = flow.arrive(Channel.CALL, "ro", Priority.URGENT);
        flow.tick(HelplineFlow.RULES.urgentAlertAfter());
        List<List<HelplineEvent>> batches = flow.batches();
        assertThat(batches.getLast()).hasOnlyElementsOfType(HelplineEvent.UrgentContactWaiting.class);
        recordAll(store(), batches);

        assertThat(await(store().load()).contacts()).singleElement()
                .satisfies(c -> assertThat(c.id()).isEqualTo(urgent.id()))
                .satisfies(c -> assertThat(c.urgentAlerted()).isTrue());
    }

    @Test
    @DisplayName("forgets a contact once it is closed or abandoned")
    void finishedContactsLeaveNoTrace() {
        HelplineFlow flow = new HelplineFlow();
        Contact abandoned = flow.arrive(Channel.CALL, "en", Priority.NORMAL);
        Contact closed = flow.arrive(Channel.CHAT, "en", Priority.NORMAL);
        recordAll(store(), flow.batches());
        assertThat(await(store().load()).contacts()).hasSize(2);

        flow.apply(new Command.Leave(abandoned.id()));
        flow.apply(new Command.SetPresence(HelplineFlow.profile("amira", "en"), Presence.AVAILABLE, null));
        flow.acceptOffers("amira");
        flow.apply(new Command.End("amira", closed.id()));
        flow.apply(new Command.WrapUp("amira", closed.id(), "advice"));
        recordAll(store(), flow.batches());

        assertThat(flow.liveContacts()).isEmpty();
        assertThat(await(store().load()).contacts()).isEmpty();
    }

    @Test
    @DisplayName("keeps the last of several changes, made in one call or in calls not awaited")
    void laterWritesWin() {
        HelplineFlow flow = new HelplineFlow();
        flow.arrive(Channel.CALL, "en", Priority.NORMAL);
        flow.apply(new Command.SetPresence(HelplineFlow.profile("amira", "en"), Presence.AVAILABLE, null));
        flow.acceptOffers("amira");
        List<List<HelplineEvent>> batches = flow.batches();

        List<HelplineEvent> inOneCall = batches.stream().flatMap(List::stream).toList();
        await(store().record(inOneCall));
        assertThat(await(store().load()).contacts()).containsExactlyElementsOf(flow.liveContacts());

        Contact connected = flow.liveContacts().getFirst();
        flow.apply(new Command.End("amira", connected.id()));
        Future<Void> wrapUp = store().record(flow.batches().getFirst());
        flow.tick(HelplineFlow.RULES.wrapUpTime());
        Future<Void> closed = store().record(flow.batches().getFirst());
        await(Future.all(wrapUp, closed));

        SavedState saved = await(store().load());
        assertThat(saved.contacts()).isEmpty();
        assertThat(saved.operators()).containsExactlyElementsOf(flow.operators());
    }

    @Test
    @DisplayName("completes record calls in the order they were made")
    void completesInCallOrder() {
        HelplineFlow flow = new HelplineFlow();
        for (int i = 0; i < 20; i++) {
            flow.arrive(Channel.CHAT, "en", i % 3 == 0 ? Priority.URGENT : Priority.NORMAL);
        }
        List<Integer> completed = Collections.synchronizedList(new ArrayList<>());
        List<Future<Void>> calls = new ArrayList<>();
        List<List<HelplineEvent>> batches = flow.batches();
        for (int i = 0; i < batches.size(); i++) {
            int call = i;
            calls.add(store().record(batches.get(i)).onComplete(done -> completed.add(call)));
        }
        await(Future.all(calls));

        assertThat(completed).isSorted().hasSize(20);
        assertThat(await(store().load()).contacts()).containsExactlyElementsOf(flow.liveContacts());
    }

    @Test
    @DisplayName("keeps, replaces and deletes small values")
    void putGetDelete() {
        HelplineStore store = store();
        await(store.put("session:1", "operator amira", Duration.ofMinutes(5)));
        assertThat(await(store.get("session:1"))).isEqualTo("operator amira");

        await(store.put("session:1", "operator bogdan", Duration.ofMinutes(5)));
        assertThat(await(store.get("session:1"))).isEqualTo("operator bogdan");

        await(store.delete("session:1"));
        assertThat(await(store.get("session:1"))).isNull();
        assertThat(await(store.get("never-written"))).isNull();
        await(store.delete("never-written"));
    }

    @Test
    @DisplayName("forgets a value once its time to live has passed")
    void valuesExpire() {
        HelplineStore store = store();
        await(store.put("throttle:amira", "3", shortTtl()));
        await(store.put("session:long", "kept", Duration.ofMinutes(5)));
        assertThat(await(store.get("throttle:amira"))).isEqualTo("3");

        letTimePass(shortTtl());

        Poll.until(WAIT, () -> await(store.get("throttle:amira")) == null, "the value expires");
        assertThat(await(store.get("session:long"))).isEqualTo("kept");
    }

    @Test
    @DisplayName("lists the values under a prefix, including writes not awaited, without deleted ones")
    void listsValuesUnderAPrefix() {
        HelplineStore store = store();
        await(store.put("referral:A", "first", Duration.ofMinutes(5)));
        await(store.put("referral:B", "second", Duration.ofMinutes(5)));
        await(store.put("referrals-other", "not under the prefix", Duration.ofMinutes(5)));
        await(store.put("session:1", "elsewhere", Duration.ofMinutes(5)));
        await(store.delete("referral:B"));
        store.put("referral:C", "not awaited", Duration.ofMinutes(5));

        assertThat(await(store.entries("referral:")))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("referral:A", "first", "referral:C", "not awaited"));
        assertThat(await(store.entries("nothing-here:"))).isEmpty();
    }

    @Test
    @DisplayName("leaves expired values out of listings, and the sweep keeps nothing past its time to live")
    void expiredValuesAreNotListedAndAreSwept() {
        HelplineStore store = store();
        await(store.put("stats:old", "1", shortTtl()));
        await(store.put("stats:kept", "2", Duration.ofMinutes(5)));

        letTimePass(shortTtl());

        Poll.until(WAIT, () -> !await(store.entries("stats:")).containsKey("stats:old"), "the value expires");
        assertThat(await(store.sweepExpired())).isNotNegative();
        assertThat(await(store.entries("stats:"))).containsOnlyKeys("stats:kept");
        assertThat(await(store.get("stats:old"))).isNull();
    }

    @Test
    @DisplayName("says it is up")
    void reportsUp() {
        await(store().load());
        assertThat(store().status().up()).isTrue();
        assertThat(store().status().reason()).isNull();
    }
}
