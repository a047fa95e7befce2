package org.helpline.telephony;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import org.helpline.bus.CommandSender;
import org.helpline.config.TelephonyConfig;
import org.helpline.core.Addresses;
import org.helpline.core.ChangeReason;
import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.core.HelplineEvent.OperatorChanged;
import org.helpline.core.ListenIn;
import org.helpline.core.RejectedCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every call on one Vert.x context: redirects a caller to the operator the router offers
 * them to, and turns what Asterisk reports into commands: answered (Accept), not answered (MissOffer),
 * hung up (Leave). After each AMI login, and after the dispatch restores its contacts, it compares the
 * calls it knows with the channels Asterisk has.
 */
final class CallControl extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(CallControl.class);
    private static final long RECONCILE_DELAY_MILLIS = 250;

    private final TelephonyConfig config;
    private final Callers callers;
    private final QueueView queue;
    private final OperatorRoster roster;
    private final Clock clock;
    private final EndedChannels ended = new EndedChannels();
    /** Channels whose offer waits for their inbound script to end (the Redirect would break into it). */
    private final Set<String> heldBack = new HashSet<>();
    private CommandSender commands;
    private volatile AmiLink ami;
    private BrowserPhones phones;
    private long reconcileTimer = -1;

    CallControl(TelephonyConfig config, Callers callers, QueueView queue, OperatorRoster roster, Clock clock) {
        this.config = config;
        this.callers = callers;
        this.queue = queue;
        this.roster = roster;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        commands = new CommandSender(vertx);
        ami = new AmiLink(config.ami(), context, this::onAmi);
        callers.onInboundEnded(channel -> context.runOnContext(v -> inboundEnded(channel)));
        MessageConsumer<ContactChanged> contacts = vertx.eventBus().consumer(Addresses.CONTACT_EVENTS,
                message -> onContact(message.body()));
        MessageConsumer<OperatorChanged> operators = vertx.eventBus().consumer(Addresses.OPERATOR_EVENTS,
                message -> roster.update(message.body().operator()));
        MessageConsumer<ListenIn> spies = vertx.eventBus().consumer(Addresses.LISTEN_IN, this::listenIn);
        phones = new BrowserPhones(config.browserPhone(), ami, roster);
        return Future.all(contacts.completion(), operators.completion(), spies.completion(), phones.listen(vertx.eventBus()))
                .onSuccess(v -> ami.start());
    }

    @Override
    public Future<?> stop() {
        return ami.stop();
    }

    /** The context everything of this room runs on. */
    Context context() {
        return context;
    }

    TelephonyStatus amiStatus() {
        AmiLink link = ami;
        return link == null ? TelephonyStatus.down("starting") : link.status();
    }

    private void onContact(ContactChanged change) {
        Contact contact = change.contact();
        queue.update(contact);
        if (contact.channel() != Channel.CALL || contact.channelRef() == null) {
            return;
        }
        if (contact.state().isFinal()) {
            callers.remove(contact.id());
            return;
        }
        CallLine line = CallLine.of(contact, callers.byContact(contact.id()).orElse(null));
        callers.put(line);
        if (change.reason() == ChangeReason.NEW && ended.contains(line.channel(), clock.instant())) {
            leave(line, "hung up while being registered");
        } else if (change.reason() == ChangeReason.RESTORED) {
            reconcileSoon();
        } else if (change.reason() == ChangeReason.OFFERED && line.offered()) {
            connect(line);
        }
    }

    private void connect(CallLine offer) {
        if (callers.underDuress(offer.channel())) {
            LOG.info("telephony.connect.skipped contact={} reason=duress", offer.contactId());
            return;
        }
        if (offer.inBridge()) {
            // never pull a caller out of a conversation (e.g. an operator answered after the offer timed out)
            missOffer(offer, "caller is already talking");
            return;
        }
        Optional<String> endpoint = roster.endpointOf(offer.operatorId());
        if (endpoint.isEmpty()) {
            missOffer(offer, "operator has no phone endpoint");
            return;
        }
        if (callers.inInbound(offer.channel())) {
            // the script ends within its reply timeout; its end is heard on this context, after this
            heldBack.add(offer.channel());
            return;
        }
        if (!ami.connected()) {
            waitForLink(offer);
            return;
        }
        LOG.info("telephony.connect contact={} operator={} endpoint={}", offer.contactId(), offer.operatorId(),
                endpoint.get());
        ami.redirect(offer.channel(), endpoint.get()).onFailure(e -> redirectFailed(offer, e));
    }

    private void inboundEnded(String channel) {
        if (heldBack.remove(channel)) {
            callers.byChannel(channel).filter(CallLine::offered).ifPresent(this::connect);
        }
    }

    private void redirectFailed(CallLine offer, Throwable failure) {
        CallLine now = callers.byContact(offer.contactId()).orElse(null);
        if (now == null || !now.offered() || !Objects.equals(now.operatorId(), offer.operatorId())) {
            return; // the router has moved on
        }
        if (failure instanceof AmiActionFailed refused && refused.channelGone()) {
            leave(now, "channel gone");
        } else if (failure instanceof AmiActionFailed refused && refused.noSession()) {
            waitForLink(now);
        } else {
            missOffer(now, "redirect failed: " + failure.getMessage());
        }
    }

    /**
     * Without AMI the caller cannot be moved, and missing the offer at once would pause the operator
     * within milliseconds (the router offers again, and again). The offer waits for the link instead;
     * the router's offer timeout still ends it if the link stays down.
     */
    private void waitForLink(CallLine offer) {
        LOG.info("telephony.connect.waiting contact={} operator={} reason=\"no AMI session\"", offer.contactId(),
                offer.operatorId());
        callers.put(offer.awaitingLink(true));
    }

    /** A supervisor's phone rings and, answered, hears the call (docs/telephony.md, Listening in). */
    private void listenIn(Message<ListenIn> message) {
        ListenIn request = message.body();
        CallLine line = callers.byContact(request.contactId()).orElse(null);
        if (line == null) {
            message.reply(new RejectedCommand("unknown_contact", "no call " + request.contactId()));
            return;
        }
        if (line.state() != ContactState.CONNECTED) {
            message.reply(new RejectedCommand("wrong_state", "only a call in conversation can be listened to"));
            return;
        }
        if (!request.endpoint().matches("[0-9]{1,20}")) {
            message.reply(new RejectedCommand("no_phone", "listening in needs the endpoint of your phone on your account"));
            return;
        }
        Optional<String> data = SpyData.of(request.mode(), line.channel(), roster.endpointOf(line.operatorId()));
        if (data.isEmpty()) {
            message.reply(new RejectedCommand("no_operator_phone", "the operator has no phone endpoint to whisper to"));
            return;
        }
        if (!ami.connected()) {
            message.reply(new RejectedCommand("unavailable", "telephony is down; try again in a moment"));
            return;
        }
        LOG.info("telephony.spy contact={} endpoint={} mode={}", request.contactId(), request.endpoint(),
                request.mode().name().toLowerCase(Locale.ROOT));
        ami.spy(request.endpoint(), data.get())
                .onSuccess(v -> message.reply(true))
                .onFailure(e -> message.reply(new RejectedCommand("telephony_refused", "Asterisk refused: " + e.getMessage())));
    }

    private void onAmi(AmiEvent event) {
        switch (event) {
            case AmiEvent.Connected connected -> {
                phones.amiConnected();
                ended.clear();
                reconcile();
                callers.all().stream().filter(line -> line.offered() && line.awaitingLink()).forEach(line -> {
                    callers.put(line.awaitingLink(false));
                    connect(line.awaitingLink(false));
                });
            }
            case AmiEvent.Hangup hangup -> hungUp(hangup.channel());
            case AmiEvent.DialEnded dial -> callers.byChannel(dial.channel()).ifPresent(line -> dialEnded(line, dial));
            case AmiEvent.BridgeEntered bridge -> callers.byChannel(bridge.channel()).ifPresent(this::bridged);
            case AmiEvent.BridgeLeft bridge -> callers.byChannel(bridge.channel()).ifPresent(line -> callers.put(line.bridged(false)));
            case AmiEvent.PhoneContact contact -> phones.contact(contact);
        }
    }

    private void hungUp(String channel) {
        callers.channelEnded(channel);
        callers.byChannel(channel).ifPresentOrElse(line -> leave(line, "hung up"),
                () -> ended.add(channel, clock.instant()));
    }

    private void dialEnded(CallLine line, AmiEvent.DialEnded dial) {
        if (!line.offered() || !dialledOperatorOf(line, dial.destination())) {
            return;
        }
        switch (Objects.requireNonNullElse(dial.status(), "")) {
            case "ANSWER" -> accept(line);
            case "CANCEL" -> { } // the caller hung up or was moved: the Hangup (or the next offer) tells
            default -> missOffer(line, "phone answered " + dial.status());
        }
    }

    /** DestChannel is PJSIP/&lt;endpoint&gt;-&lt;n&gt;: the end of an earlier offer's dial must not count against this one. */
    private boolean dialledOperatorOf(CallLine line, String destination) {
        return destination == null || roster.endpointOf(line.operatorId())
                .map(endpoint -> destination.startsWith("PJSIP/" + endpoint + "-"))
                .orElse(true);
    }

    private void bridged(CallLine line) {
        CallLine talking = line.bridged(true);
        callers.put(talking);
        if (talking.offered()) {
            accept(talking);
        }
    }

    private void accept(CallLine offer) {
        if (offer.accepting()) {
            return;
        }
        callers.put(offer.acceptSent());
        LOG.info("telephony.answered contact={} operator={}", offer.contactId(), offer.operatorId());
        send(new Command.Accept(offer.operatorId(), offer.contactId()), offer);
    }

    private void missOffer(CallLine offer, String why) {
        LOG.info("telephony.offer.missed contact={} operator={} reason=\"{}\"", offer.contactId(), offer.operatorId(), why);
        send(new Command.MissOffer(offer.contactId()), offer);
    }

    private void leave(CallLine line, String why) {
        if (line.live()) {
            LOG.info("telephony.left contact={} reason=\"{}\"", line.contactId(), why);
            send(new Command.Leave(line.contactId()), line);
        }
    }

    private void send(Command command, CallLine line) {
        commands.contact(command).onFailure(e -> LOG.info("telephony.command.refused command={} contact={} reason=\"{}\"",
                command.getClass().getSimpleName(), line.contactId(), e.getMessage()));
    }

    private void reconcileSoon() {
        if (reconcileTimer < 0) {
            reconcileTimer = vertx.setTimer(RECONCILE_DELAY_MILLIS, id -> {
                reconcileTimer = -1;
                reconcile();
            });
        }
    }

    /** Only calls known before asking are judged: a call registered meanwhile may be missing from the answer. */
    private void reconcile() {
        List<CallLine> known = callers.all();
        if (known.isEmpty() || !ami.connected()) {
            return; // without AMI it runs again at the next login
        }
        ami.liveChannels().onSuccess(live -> {
            List<Reconciliation.Fix> fixes = Reconciliation.fixes(known, live);
            LOG.info("telephony.reconciled calls={} channels={} fixes={}", known.size(), live.size(), fixes.size());
            fixes.forEach(this::apply);
        }).onFailure(e -> LOG.warn("telephony.reconcile.failed reason=\"{}\"", e.getMessage()));
    }

    private void apply(Reconciliation.Fix fix) {
        CallLine now = callers.byContact(fix.line().contactId()).orElse(null);
        if (now == null || !now.channel().equals(fix.line().channel())) {
            return;
        }
        switch (fix.finding()) {
            case VANISHED -> leave(now, "channel vanished");
            case ANSWERED -> {
                if (now.offered() && Objects.equals(now.operatorId(), fix.line().operatorId())) {
                    bridged(now);
                }
            }
        }
    }
}
