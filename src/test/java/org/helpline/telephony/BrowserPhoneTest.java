package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.helpline.telephony.TelephonyRoom.CALLER;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.helpline.core.Addresses;
import org.helpline.core.ChangeReason;
import org.helpline.core.ContactState;
import org.helpline.core.OperatorProfile;
import org.helpline.core.Presence;
import org.helpline.core.RejectedCommand;
import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's browser phone as the telephony room keeps it: a PJSIP endpoint, aor and auth per console,
 * written into Asterisk's database over AMI, dialled by the offers to its operator, and deleted when the
 * console gives it back (docs/telephony.md, "Browser phones").
 */
@DisplayName("browser phones")
@ExtendWith(VertxExtension.class)
class BrowserPhoneTest {
    private static final String PHONE_SETTINGS =
            "  browserPhone: { webSocketUrl: \"wss://pbx.helpline.test:8089/ws\", registrationExpiry: 10s }";

    private TelephonyRoom room;

    @BeforeEach
    void open(Vertx vertx) {
        room = TelephonyRoom.start(vertx, new FakeClock(), PHONE_SETTINGS).ready();
        // at the first login, phones an earlier run of the server left behind are cleared
        Set<String> cleared = Stream.generate(() -> room.ami.awaitAction("DBDelTree").get("Family")).limit(3)
                .collect(Collectors.toSet()); // sent at once, in any order
        assertThat(cleared).containsExactlyInAnyOrder("helpline-phones/endpoint", "helpline-phones/aor",
                "helpline-phones/auth");
    }

    @AfterEach
    void close() throws Exception {
        room.close();
    }

    private Object ask(String operatorId, boolean want, String endpoint) {
        return ask(operatorId, "operator", want, endpoint);
    }

    private Object ask(String user, String role, boolean want, String endpoint) {
        JsonObject request = new JsonObject().put("user", user).put("role", role).put("want", want).put("endpoint", endpoint);
        return room.vertx.eventBus().request(Addresses.BROWSER_PHONE, request).map(Message::body).await();
    }

    private JsonObject issue(String operatorId) {
        return issue(operatorId, "operator");
    }

    /** Asks until the room has seen the AMI login's clearing through (the phone is refused until then). */
    private JsonObject issue(String user, String role) {
        Object[] answer = new Object[1];
        TelephonyRoom.eventually(() -> !((answer[0] = ask(user, role, true, null)) instanceof RejectedCommand),
                "a phone issued");
        return (JsonObject) answer[0];
    }

    @Test
    void aConsoleGetsAPhoneOfItsOwnWrittenIntoAsterisksDatabase() {
        JsonObject phone = issue("op-1");

        String name = phone.getString("username");
        assertThat(name).matches("[1-9][0-9]{11}");
        assertThat(phone.getString("password")).matches("[0-9a-f]{32}");
        assertThat(phone.getString("uri")).isEqualTo("sip:" + name + "@pbx.helpline.test");
        assertThat(phone.getString("webSocketUrl")).isEqualTo("wss://pbx.helpline.test:8089/ws");
        assertThat(phone.getLong("registrationExpiry")).as("seconds, as configured").isEqualTo(10);

        Map<String, String> auth = room.ami.awaitAction("DBPut");
        assertThat(auth).containsEntry("Family", "helpline-phones/auth").containsEntry("Key", name);
        assertThat(new JsonObject(auth.get("Val")).getMap()).containsEntry("username", name)
                .containsEntry("password", phone.getString("password")).containsEntry("auth_type", "userpass");
        Map<String, String> aor = room.ami.awaitAction("DBPut");
        assertThat(aor).containsEntry("Family", "helpline-phones/aor").containsEntry("Key", name);
        assertThat(new JsonObject(aor.get("Val")).getMap()).containsEntry("maximum_expiration", "10")
                .containsEntry("minimum_expiration", "10").containsEntry("max_contacts", "1");
        Map<String, String> endpoint = room.ami.awaitAction("DBPut");
        assertThat(endpoint).containsEntry("Family", "helpline-phones/endpoint").containsEntry("Key", name);
        assertThat(new JsonObject(endpoint.get("Val")).getMap()).containsEntry("webrtc", "yes")
                .containsEntry("auth", name).containsEntry("aors", name)
                .containsEntry("context", "helpline-operators").containsEntry("send_connected_line", "no")
                .containsEntry("send_pai", "no").containsEntry("send_rpid", "no");
    }

    @Test
    void anOfferRingsTheOperatorsBrowserPhone() {
        String name = issue("op-1").getString("username");
        room.signIn("op-1", Presence.AVAILABLE, OperatorProfile.BROWSER_PHONE, "ro");
        String contact = room.holding(CALLER, "ro");

        room.next(contact, ContactState.OFFERED);
        Map<String, String> redirect = room.ami.awaitAction("Redirect");
        assertThat(redirect).containsEntry("Context", "helpline-connect").containsEntry("Exten", name);
    }

    @Test
    void aPhoneGivenBackStopsWorkingAndTheNextOfferGoesBack() {
        String name = issue("op-1").getString("username");
        assertThat(ask("op-1", false, name)).isInstanceOf(JsonObject.class);
        assertThat(room.ami.awaitAction("DBDel")).containsEntry("Family", "helpline-phones/endpoint").containsEntry("Key", name);
        assertThat(room.ami.awaitAction("DBDel")).containsEntry("Family", "helpline-phones/auth").containsEntry("Key", name);
        assertThat(room.ami.awaitAction("DBDel")).containsEntry("Family", "helpline-phones/aor").containsEntry("Key", name);

        room.signIn("op-phone", Presence.PAUSED, "2001", "ro"); // the line is staffed...
        room.signIn("op-1", Presence.AVAILABLE, OperatorProfile.BROWSER_PHONE, "ro"); // ...but op-1 has no phone now
        String contact = room.holding(CALLER, "ro");
        room.next(contact, ContactState.OFFERED);
        assertThat(room.next(contact, ContactState.QUEUED, ChangeReason.OFFER_MISSED).contact().missedBy())
                .containsExactly("op-1");
    }

    @Test
    void aNewConsoleTakesThePhoneOverAndTheOldOneCannotRevokeIt() {
        String first = issue("op-1").getString("username");
        String second = issue("op-1").getString("username");
        assertThat(second).isNotEqualTo(first);
        // the first phone was deleted when the second was issued
        Map<String, String> deleted = room.ami.awaitAction("DBDel");
        assertThat(deleted).containsEntry("Key", first);

        ask("op-1", false, first); // the first console closes late
        room.signIn("op-1", Presence.AVAILABLE, OperatorProfile.BROWSER_PHONE, "ro");
        String contact = room.holding(CALLER, "ro");
        room.next(contact, ContactState.OFFERED);
        assertThat(room.ami.awaitAction("Redirect")).containsEntry("Exten", second);
    }

    @Test
    void twoConsolesAskingAtOnceLeaveOnePhoneWorkingAndTheOtherDeleted() {
        issue("op-2"); // the AMI login's clearing seen through
        JsonObject request = new JsonObject().put("user", "op-1").put("role", "operator").put("want", true);
        // both asked before either is written into Asterisk (three round trips each)
        Future<Message<JsonObject>> one = room.vertx.eventBus().request(Addresses.BROWSER_PHONE, request);
        Future<Message<JsonObject>> other = room.vertx.eventBus().request(Addresses.BROWSER_PHONE, request);
        Set<String> issued = Set.of(one.await().body().getString("username"), other.await().body().getString("username"));
        assertThat(issued).hasSize(2);

        String deleted = room.ami.awaitAction("DBDel").get("Key");
        assertThat(issued).contains(deleted);
        String kept = issued.stream().filter(name -> !name.equals(deleted)).findFirst().orElseThrow();
        room.signIn("op-1", Presence.AVAILABLE, OperatorProfile.BROWSER_PHONE, "ro");
        String contact = room.holding(CALLER, "ro");
        room.next(contact, ContactState.OFFERED);
        assertThat(room.ami.awaitAction("Redirect")).containsEntry("Exten", kept);
    }

    @Test
    void aSupervisorsPhoneIsWrittenLikeAnOperatorsButNoOfferEverRingsIt() {
        // the same name on both sides, to show the supervisor's phone never reaches the roster the offers read
        JsonObject phone = issue("op-1", "supervisor");
        String name = phone.getString("username");
        assertThat(name).matches("[1-9][0-9]{11}");
        assertThat(room.ami.awaitAction("DBPut")).containsEntry("Family", "helpline-phones/auth").containsEntry("Key", name);
        assertThat(room.ami.awaitAction("DBPut")).containsEntry("Family", "helpline-phones/aor").containsEntry("Key", name);
        assertThat(new JsonObject(room.ami.awaitAction("DBPut").get("Val")).getMap())
                .as("the same endpoint options as an operator's phone").containsEntry("webrtc", "yes")
                .containsEntry("send_pai", "no").containsEntry("auth", name);

        room.signIn("op-phone", Presence.PAUSED, "2001", "ro"); // the line is staffed...
        room.signIn("op-1", Presence.AVAILABLE, OperatorProfile.BROWSER_PHONE, "ro"); // ...but op-1 has no call phone
        String contact = room.holding(CALLER, "ro");
        room.next(contact, ContactState.OFFERED);
        assertThat(room.next(contact, ContactState.QUEUED, ChangeReason.OFFER_MISSED).contact().missedBy())
                .containsExactly("op-1");

        assertThat(ask("op-1", "supervisor", false, name)).isInstanceOf(JsonObject.class);
        assertThat(room.ami.awaitAction("DBDel")).containsEntry("Family", "helpline-phones/endpoint").containsEntry("Key", name);
    }

    @Test
    void aRequestWithoutAKnownRoleIsRefused() {
        assertThatThrownBy(() -> room.vertx.eventBus().request(Addresses.BROWSER_PHONE,
                new JsonObject().put("user", "op-1").put("role", "caller").put("want", true)).await())
                .isInstanceOfSatisfying(ReplyException.class, e -> assertThat(e.failureCode()).isEqualTo(400));
    }

    /** ContactStatus as Asterisk 22 sends it for a browser phone's registration (JsSIP's contact: a random name, no address). */
    private static String contactStatus(String name, String status) {
        return "Event: ContactStatus\r\nPrivilege: system,all\r\nURI: sip:3l1qcnhh@7pn6fqi9cs2k.invalid;transport=ws\r\n"
                + "ContactStatus: " + status + "\r\nAOR: " + name + "\r\nEndpointName: " + name + "\r\nRoundtripUsec: 0\r\n\r\n";
    }

    @Test
    void asteriskDroppingOrFindingAPhoneUnreachableIsToldToTheConsolesAndSoIsItsReturn() {
        String name = issue("op-1").getString("username");
        assertThat(new JsonObject(room.ami.awaitAction("DBPut").get("Val")).getMap()).isNotEmpty(); // auth
        assertThat(new JsonObject(room.ami.awaitAction("DBPut").get("Val")).getMap())
                .containsEntry("maximum_expiration", "10").containsEntry("qualify_frequency", "30"); // the aor
        List<JsonObject> told = new CopyOnWriteArrayList<>();
        room.vertx.eventBus().<JsonObject>consumer(Addresses.BROWSER_PHONE_EVENTS, m -> told.add(m.body())).completion().await();

        room.ami.send(contactStatus(name, "NonQualified")); // registered
        room.ami.send(contactStatus(name, "Reachable"));    // answers OPTIONS: no news
        room.ami.send(contactStatus("2001", "Removed"));    // a desk phone: not the consoles' business
        room.ami.send(contactStatus(name, "Removed"));      // not renewed in time
        room.ami.send(contactStatus(name, "NonQualified")); // registered again
        room.ami.send(contactStatus(name, "Unreachable"));  // no answer to OPTIONS
        TelephonyRoom.eventually(() -> told.size() == 4, "four changes told");
        assertThat(told).extracting(m -> m.getBoolean("registered")).containsExactly(true, false, true, false);
        assertThat(told).allSatisfy(m -> assertThat(m.getMap()).containsEntry("operatorId", "op-1").containsEntry("endpoint", name));
    }

    /** The AMI link drops and stays down (Asterisk restarting, a network cut) until {@link #linkBack()}. */
    private void linkDown() {
        room.ami.refuseLogins(true);
        room.ami.cut();
        TelephonyRoom.eventually(() -> !room.telephony.ami().up(), "AMI down");
    }

    private void linkBack() {
        room.ami.refuseLogins(false);
        TelephonyRoom.eventually(() -> room.telephony.ami().up(), "AMI up again");
    }

    @Test
    void aPhoneGivenBackWhileTheAmiLinkIsDownIsDeletedFromAsteriskOnceTheLinkIsBack() {
        String name = issue("op-1").getString("username");
        linkDown();
        ask("op-1", false, name); // the console closes: Asterisk cannot be told now
        assertThat(room.ami.actionWithin("DBDel", Duration.ofMillis(300))).as("nothing reaches Asterisk").isNull();

        linkBack();
        assertThat(room.ami.awaitAction("DBDel")).containsEntry("Family", "helpline-phones/endpoint").containsEntry("Key", name);
        assertThat(room.ami.awaitAction("DBDel")).containsEntry("Family", "helpline-phones/auth").containsEntry("Key", name);
        assertThat(room.ami.awaitAction("DBDel")).containsEntry("Family", "helpline-phones/aor").containsEntry("Key", name);
    }

    @Test
    void registrationsThatChangedWhileTheAmiLinkWasDownAreReadAgainAndToldToTheConsoles() {
        String lapsing = issue("op-1").getString("username");
        String returning = issue("op-2").getString("username");
        List<JsonObject> told = new CopyOnWriteArrayList<>();
        room.vertx.eventBus().<JsonObject>consumer(Addresses.BROWSER_PHONE_EVENTS, m -> told.add(m.body())).completion().await();
        room.ami.send(contactStatus(lapsing, "NonQualified"));
        room.ami.send(contactStatus(returning, "NonQualified"));
        room.ami.send(contactStatus(returning, "Removed"));
        TelephonyRoom.eventually(() -> told.size() == 3, "three changes told");

        linkDown();
        // meanwhile op-1's phone lapsed and op-2's registered again: their ContactStatus events are lost with the link
        room.ami.contactsRegistered(Map.of(returning, "NonQualified", "2001", "Reachable"));
        linkBack();

        TelephonyRoom.eventually(() -> told.size() == 5, "two more changes told");
        assertThat(told.subList(3, 5)).extracting(m -> m.getString("operatorId") + " " + m.getString("endpoint") + " "
                + m.getBoolean("registered")).containsExactlyInAnyOrder("op-1 " + lapsing + " false", "op-2 " + returning + " true");
    }

    @Test
    void aContactUnreachableInTheListReadAfterTheLinkWasDownCountsAsLapsedAndAnEmptyListAsNoneRegistered() {
        String asleep = issue("op-1").getString("username");
        String gone = issue("op-2").getString("username");
        List<JsonObject> told = new CopyOnWriteArrayList<>();
        room.vertx.eventBus().<JsonObject>consumer(Addresses.BROWSER_PHONE_EVENTS, m -> told.add(m.body())).completion().await();
        room.ami.send(contactStatus(asleep, "NonQualified"));
        room.ami.send(contactStatus(gone, "NonQualified"));
        TelephonyRoom.eventually(() -> told.size() == 2, "both registered");

        linkDown();
        // a laptop asleep: registered, but no answer to OPTIONS; the other phone as it was
        room.ami.contactsRegistered(Map.of(asleep, "Unreachable", gone, "Reachable"));
        linkBack();
        TelephonyRoom.eventually(() -> told.size() == 3, "the sleeping phone told");
        assertThat(told.get(2).getMap()).containsEntry("endpoint", asleep).containsEntry("registered", false);

        linkDown();
        room.ami.contactsRegistered(Map.of()); // no phone registered at all: Asterisk answers with an error
        linkBack();
        TelephonyRoom.eventually(() -> told.size() == 4, "the other phone told");
        assertThat(told.get(3).getMap()).containsEntry("endpoint", gone).containsEntry("registered", false);
    }
}
