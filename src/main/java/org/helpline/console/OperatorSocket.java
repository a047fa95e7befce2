package org.helpline.console;

import java.time.Clock;
import java.util.List;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.bus.BrowserPhoneSender;
import org.helpline.bus.ChatSender;
import org.helpline.bus.CommandSender;
import org.helpline.bus.CoreJson;
import org.helpline.bus.PagePhone;
import org.helpline.bus.Refusals;
import org.helpline.core.ChangeReason;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.core.Operator;
import org.helpline.core.OperatorProfile;
import org.helpline.core.OperatorWork;
import org.helpline.core.Presence;
import org.helpline.core.RejectedCommand;
import org.helpline.wire.JsonSocket;

/** One open console of one operator: turns their messages into commands and their events into messages. */
final class OperatorSocket {
    private final JsonSocket socket;
    private final OperatorProfile profile;
    private final CommandSender commands;
    private final ChatSender chat;
    private final PagePhone phone;
    private final Clock clock;
    private final List<String> outcomes;
    /**
     * Whether the console says its browser phone works, and whether Asterisk has dropped its registration (a sleeping
     * laptop or frozen page says nothing itself).
     */
    private boolean phoneWorks;
    private boolean registrationLapsed;
    private Operator lastKnown;

    OperatorSocket(JsonSocket socket, OperatorProfile profile, CommandSender commands, ChatSender chat,
                   BrowserPhoneSender phones, Clock clock, List<String> outcomes) {
        this.socket = socket;
        this.profile = profile;
        this.commands = commands;
        this.chat = chat;
        this.phone = new PagePhone(phones, profile.id());
        this.clock = clock;
        this.outcomes = outcomes;
    }

    String operatorId() {
        return profile.id();
    }

    /**
     * What the router is told about this operator: with the browser phone, calls only while it works, so
     * no caller rings a browser without a microphone or a registration (chats go on meanwhile).
     */
    private OperatorProfile offered() {
        return profile.usesBrowserPhone() && !phoneTakesCalls() ? profile.withoutCalls() : profile;
    }

    private boolean phoneTakesCalls() {
        return phoneWorks && !registrationLapsed;
    }

    void welcome(OperatorWork work) {
        lastKnown = work.operator();
        JsonObject welcome = new JsonObject().put("type", "welcome")
                .put("browserPhone", profile.usesBrowserPhone())
                .put("operator", work.operator() == null ? null : CoreJson.operator(work.operator()))
                .put("contacts", new JsonArray(work.contacts().stream().map(c -> CoreJson.contact(c, clock)).toList()))
                .put("outcomes", new JsonArray(outcomes));
        socket.send(welcome);
    }

    void receive(JsonObject message) {
        OperatorRequest request = socket.parseOrRefuse(message, OperatorRequest::parse);
        if (request == null) {
            return;
        }
        Object requestId = message.getValue("id");
        execute(request).onComplete(done -> {
            if (done.succeeded() && done.result() == null) {
                return; // typing: never acknowledged
            }
            socket.answer(requestId, done, Refusals::codeOf);
        });
    }

    private Future<JsonObject> execute(OperatorRequest request) {
        String me = profile.id();
        return switch (request) {
            case OperatorRequest.ChangePresence p -> commands.operator(new Command.SetPresence(offered(), p.presence(), p.reason()))
                    .map(o -> new JsonObject().put("operator", CoreJson.operator(o)));
            case OperatorRequest.Phone p -> p.want() ? phone.issue().map(this::phoneIssued) : giveBackPhone();
            case OperatorRequest.PhoneState p -> phoneWorks(p.working());
            case OperatorRequest.Accept a -> contact(new Command.Accept(me, a.contactId()));
            case OperatorRequest.Decline d -> contact(new Command.Decline(me, d.contactId()));
            case OperatorRequest.End e -> contact(new Command.End(me, e.contactId()));
            case OperatorRequest.Transfer t -> handOver(t).compose(left ->
                    contact(new Command.Transfer(me, t.contactId(), t.language(), t.operatorId())));
            case OperatorRequest.WrapUp w -> outcomes.contains(w.outcome())
                    ? contact(new Command.WrapUp(me, w.contactId(), w.outcome()))
                    : Future.failedFuture(new RejectedCommand("unknown_outcome",
                            "outcome must be one of " + String.join(", ", outcomes)));
            case OperatorRequest.KeepWrappingUp k -> contact(new Command.KeepWrappingUp(me, k.contactId()));
            case OperatorRequest.Say s -> chat.say(me, s.contactId(), s.text(), s.key()).map(line -> new JsonObject().put("seq", line.seq()));
            case OperatorRequest.Typing t -> {
                chat.typing(me, t.contactId());
                yield Future.succeededFuture(null);
            }
        };
    }

    /** The note and the case go with the chat before it moves, so the next operator's console has them on accepting. */
    private Future<Void> handOver(OperatorRequest.Transfer transfer) {
        if (transfer.note() == null && transfer.caseState() == null) {
            return Future.succeededFuture();
        }
        return chat.handOver(profile.id(), transfer.contactId(), transfer.note(), transfer.caseState());
    }

    private JsonObject phoneIssued(JsonObject credentials) {
        registrationLapsed = false;
        return new JsonObject().put("phone", credentials);
    }

    private Future<JsonObject> giveBackPhone() {
        return phoneWorks(false).compose(answer -> phone.giveBack().map(answer));
    }

    /** The console closed: its phone stops working in Asterisk, one still being issued included; the router is not told. */
    Future<Void> closePhone() {
        return phone.close();
    }

    /** The console says whether its phone works (microphone, registration). */
    private Future<JsonObject> phoneWorks(boolean works) {
        boolean before = phoneTakesCalls();
        phoneWorks = works;
        return phoneChanged(before);
    }

    /** Asterisk says whether this console's phone is registered; a report on an earlier phone of the console is old news. */
    Future<JsonObject> phoneRegistered(String endpoint, boolean registered) {
        if (endpoint == null || !endpoint.equals(phone.endpoint())) {
            return Future.succeededFuture(new JsonObject());
        }
        boolean before = phoneTakesCalls();
        registrationLapsed = !registered;
        return phoneChanged(before);
    }

    /** Tells the router again, with the operator's presence as it is, whether calls may be offered. */
    private Future<JsonObject> phoneChanged(boolean tookCalls) {
        if (tookCalls == phoneTakesCalls() || !profile.usesBrowserPhone() || lastKnown == null
                || lastKnown.presence() == Presence.OFFLINE) {
            return Future.succeededFuture(new JsonObject());
        }
        return commands.operator(new Command.SetPresence(offered(), lastKnown.presence(), lastKnown.pauseReason()))
                .map(o -> new JsonObject().put("operator", CoreJson.operator(o)));
    }

    private Future<JsonObject> contact(Command command) {
        return commands.contact(command).map(c -> new JsonObject().put("contact", CoreJson.contact(c, clock)));
    }

    void contactChanged(ContactChanged change) {
        Contact contact = change.contact();
        boolean offeredToMe = contact.state() == ContactState.OFFERED;
        socket.send(new JsonObject()
                .put("type", offeredToMe ? "offer" : "contact")
                .put("reason", CoreJson.lower(change.reason()))
                .put("contact", CoreJson.contact(contact, clock)));
    }

    /** A chat message, typing notice or transcript of a chat this operator holds. */
    void chat(JsonObject message) {
        socket.send(message);
    }

    /** Whether a call's caller called before within the window: the repeat-caller desk's yes or no, nothing more. */
    void callerHistory(JsonObject history) {
        socket.send(new JsonObject().put("type", "callerHistory").put("contactId", history.getString("contactId"))
                .put("calledBefore", history.getBoolean("calledBefore")).put("withinDays", history.getLong("withinDays")));
    }

    void operatorChanged(Operator operator, ChangeReason reason) {
        lastKnown = operator;
        if (reason == ChangeReason.PHONE_LOST) {
            // the phone seemed to work and still dropped a call: calls wait until the console says it works again
            phoneWorks = false;
        }
        socket.send(new JsonObject().put("type", "operator").put("reason", CoreJson.lower(reason))
                .put("operator", CoreJson.operator(operator)));
    }
}
