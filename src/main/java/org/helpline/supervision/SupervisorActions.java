package org.helpline.supervision;

import java.util.List;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.helpline.bus.ChatJson;
import org.helpline.bus.ChatSender;
import org.helpline.bus.CommandSender;
import org.helpline.bus.CoreJson;
import org.helpline.core.Addresses;
import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.ListenIn;
import org.helpline.core.Presence;
import org.helpline.core.RejectedCommand;

/**
 * Carries out what a supervisor asks: listening in goes to the telephony room, reading a chat to the chat room,
 * the rest to the router. Each answer is the JSON of what changed, or a failed future with a
 * {@link RejectedCommand} naming why.
 */
final class SupervisorActions {
    private final Vertx vertx;
    private final Floor floor;
    private final CommandSender commands;
    private final ChatSender chat;
    private final List<String> languages;

    SupervisorActions(Vertx vertx, Floor floor, List<String> languages) {
        this.vertx = vertx;
        this.floor = floor;
        this.commands = new CommandSender(vertx);
        this.chat = new ChatSender(vertx);
        this.languages = List.copyOf(languages);
    }

    /**
     * Who asks.
     *
     * @param phone the phone listening in rings
     */
    record Asker(String name, String displayName, SupervisorPhone phone) {}

    Future<JsonObject> execute(SupervisorRequest request, Asker asker) {
        return switch (request) {
            case SupervisorRequest.Listen l -> listen(l, asker);
            case SupervisorRequest.ReadChat r -> readChat(r.contactId());
            case SupervisorRequest.Whisper w -> inChat(w.contactId())
                    .compose(c -> chat.whisper(c.operatorId(), c.id(), asker.displayName(), w.text()))
                    .map(v -> new JsonObject().put("contactId", w.contactId()));
            case SupervisorRequest.JoinChat j -> inChat(j.contactId())
                    .compose(c -> chat.join(c.operatorId(), c.id(), asker.name(), asker.displayName(), j.text()))
                    .map(line -> new JsonObject().put("contactId", j.contactId()).put("seq", line.seq()));
            case SupervisorRequest.SetPresence p -> p.presence() == Presence.AVAILABLE && !paused(p.operatorId())
                    ? refuse("not_paused", "only a paused operator can be made available again")
                    : commands.operator(new Command.SetPresenceOf(p.operatorId(), p.presence(), p.reason()))
                            .map(o -> new JsonObject().put("operator", CoreJson.operator(o)));
            case SupervisorRequest.RaiseToUrgent r -> contact(new Command.RaiseToUrgent(r.contactId()));
            case SupervisorRequest.MoveToLanguage m -> languages.contains(m.language())
                    ? contact(new Command.MoveToLanguage(m.contactId(), m.language()))
                    : refuse("unknown_language", "language must be one of " + String.join(", ", languages));
            case SupervisorRequest.NoticeReferral n -> noticeReferral(n.reference());
            case SupervisorRequest.Phone p -> asker.phone().want(p.want());
            case SupervisorRequest.PhoneState p -> asker.phone().working(p.working());
        };
    }

    /** The referral desk records that a supervisor saw the delivery's trouble, and its alert goes. */
    private Future<JsonObject> noticeReferral(String reference) {
        return vertx.eventBus().<JsonObject>request(Addresses.REFERRAL_NOTICE, new JsonObject().put("reference", reference))
                .map(reply -> new JsonObject().put("referral", reply.body()))
                .recover(failure -> {
                    if (failure instanceof ReplyException reply) {
                        return switch (reply.failureType()) {
                            case NO_HANDLERS -> refuse("referral_off", "referral is switched off on this server");
                            case RECIPIENT_FAILURE -> reply.failureCode() == 409
                                    ? refuse("not_failing", reply.getMessage())
                                    : refuse("unknown_referral", reply.getMessage());
                            default -> Future.failedFuture(failure);
                        };
                    }
                    return Future.failedFuture(failure);
                });
    }

    private boolean paused(String operatorId) {
        return floor.operator(operatorId).map(o -> o.presence() == Presence.PAUSED).orElse(false);
    }

    private Future<JsonObject> listen(SupervisorRequest.Listen request, Asker asker) {
        Contact contact = floor.contact(request.contactId()).orElse(null);
        if (contact == null) {
            return refuse("unknown_contact", "no contact " + request.contactId());
        }
        if (contact.channel() != Channel.CALL) {
            return refuse("not_a_call", "only calls can be listened to; read a chat instead");
        }
        if (contact.state() != ContactState.CONNECTED) {
            return refuse("wrong_state", "only a call in conversation can be listened to");
        }
        String endpoint = asker.phone().endpoint();
        if (endpoint == null) {
            return asker.phone().inBrowser()
                    ? refuse("phone_not_registered", "phone not registered: your browser phone must work first (its state is at the top)")
                    : refuse("no_phone", "listening in needs the endpoint of your phone on your account");
        }
        return vertx.eventBus().request(Addresses.LISTEN_IN, new ListenIn(contact.id(), endpoint, request.mode()))
                .recover(SupervisorActions::telephonyMissing)
                .compose(SupervisorActions::unlessRejected)
                .map(ok -> new JsonObject().put("contactId", contact.id()).put("mode", CoreJson.lower(request.mode())));
    }

    /** Read-only: the chat room answers with the transcript the operator holding the chat sees. */
    private Future<JsonObject> readChat(String contactId) {
        Contact contact = floor.contact(contactId).orElse(null);
        if (contact == null) {
            return refuse("unknown_contact", "no contact " + contactId);
        }
        if (contact.channel() != Channel.CHAT) {
            return refuse("not_a_chat", "only chats can be read; listen to a call instead");
        }
        if (contact.state() != ContactState.CONNECTED && contact.state() != ContactState.WRAP_UP) {
            return refuse("wrong_state", "only a chat in conversation can be read");
        }
        return chat.readAlong(contact.operatorId(), contact.id())
                .map(transcript -> new JsonObject().put("transcript", ChatJson.transcript(transcript)));
    }

    /** A chat in conversation, the only kind a supervisor can whisper or write in. */
    private Future<Contact> inChat(String contactId) {
        Contact contact = floor.contact(contactId).orElse(null);
        if (contact == null) {
            return Future.failedFuture(new RejectedCommand("unknown_contact", "no contact " + contactId));
        }
        if (contact.channel() != Channel.CHAT) {
            return Future.failedFuture(new RejectedCommand("not_a_chat", "only chats take written words; whisper on a call with your phone"));
        }
        if (contact.state() != ContactState.CONNECTED) {
            return Future.failedFuture(new RejectedCommand("wrong_state", "only a chat in conversation can be joined"));
        }
        return Future.succeededFuture(contact);
    }

    private Future<JsonObject> contact(Command command) {
        return commands.contact(command).map(c -> new JsonObject().put("contact", SupervisorJson.contact(c)));
    }

    private static Future<Message<Object>> telephonyMissing(Throwable failure) {
        if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS) {
            return Future.failedFuture(new RejectedCommand("telephony_off", "telephony is switched off on this server"));
        }
        return Future.failedFuture(failure);
    }

    private static Future<Object> unlessRejected(Message<Object> reply) {
        return reply.body() instanceof RejectedCommand rejected ? Future.failedFuture(rejected) : Future.succeededFuture(reply.body());
    }

    private static Future<JsonObject> refuse(String code, String message) {
        return Future.failedFuture(new RejectedCommand(code, message));
    }
}
