package org.helpline.telephony;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.NewContact;
import org.helpline.core.OpeningHours;
import org.helpline.core.Priority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AGI(.../inbound,<language>,<urgent|normal>[,<topic>])}: registers the caller and answers
 * hold, or closed (outside opening hours, or nobody signed in to take the call). Without an AMI link
 * (callers could not be moved to an operator) or if anything goes wrong it answers fallback, so the
 * dialplan rings the operators' phones directly.
 */
final class InboundScript extends DialplanScript {
    private static final Logger LOG = LoggerFactory.getLogger(InboundScript.class);
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern WORD = Pattern.compile("[a-z]+");
    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    private final ScriptCommands commands;
    private final OperatorRoster roster;
    private final OpeningHours hours;
    private final Clock clock;
    private final List<String> languages;
    private final BooleanSupplier amiUp;
    private final CallerIds callerIds;
    private final Callers callers;

    InboundScript(ScriptCommands commands, OperatorRoster roster, OpeningHours hours, Clock clock, List<String> languages,
                  BooleanSupplier amiUp, CallerIds callerIds, Callers callers, AgiAnswers answers) {
        super("inbound", answers);
        this.commands = commands;
        this.roster = roster;
        this.hours = hours;
        this.clock = clock;
        this.languages = languages;
        this.amiUp = amiUp;
        this.callerIds = callerIds;
        this.callers = callers;
    }

    /** No Redirect breaks into this script: an offer made while it runs is sent once it has answered. */
    @Override
    void answer(AgiRequest request, AgiChannel channel) throws AgiException {
        callers.inboundStarted(request.getChannel());
        try {
            register(request, channel);
        } finally {
            callers.inboundEnded(request.getChannel());
        }
    }

    private void register(AgiRequest request, AgiChannel channel) throws AgiException {
        String[] args = request.getArguments();
        String language = argument(args, 0, LANGUAGE, languages.getFirst());
        Priority priority = "urgent".equals(argument(args, 1, WORD, "normal")) ? Priority.URGENT : Priority.NORMAL;
        String topic = argument(args, 2, TOPIC, null);
        if (!hours.isOpenAt(clock.instant())) {
            LOG.info("telephony.inbound.closed reason=hours");
            tell(channel, DialplanVariables.CLOSED);
            return;
        }
        if (roster.takingCalls(language) == 0) {
            LOG.info("telephony.inbound.closed reason=nobody_signed_in language={}", language);
            tell(channel, DialplanVariables.CLOSED);
            return;
        }
        if (!amiUp.getAsBoolean()) {
            // no way to move the caller to an operator's phone: the plain queue rings them directly
            LOG.warn("telephony.inbound.fallback reason=\"no AMI session\"");
            tell(channel, DialplanVariables.FALLBACK);
            return;
        }
        NewContact call = new NewContact(Channel.CALL, language, topic, priority, request.getChannel());
        Contact contact;
        try {
            // a reply that comes too late must not leave a contact that nobody holds for
            contact = commands.ask(sender -> sender.contact(new Command.Enqueue(call)),
                    late -> commands.tell(new Command.Leave(late.id())));
        } catch (RuntimeException e) {
            LOG.warn("telephony.inbound.fallback reason=\"{}\"", e.getMessage());
            tell(channel, DialplanVariables.FALLBACK);
            return;
        }
        callerIds.seen(request, contact.id());
        hold(channel, contact);
    }

    private void hold(AgiChannel channel, Contact contact) throws AgiException {
        try {
            tell(channel, DialplanVariables.HOLD);
            // the ordinary outcome, at DEBUG: the contact's own events, /metrics and the supervisor view show every
            // queued call, and this line was a tenth of the AGI path's CPU; what goes wrong is logged at INFO or WARN
            LOG.debug("telephony.inbound.queued contact={} language={} priority={}", contact.id(), contact.language(),
                    contact.priority());
        } catch (AgiHangupException hungUp) {
            LOG.info("telephony.inbound.hung_up contact={}", contact.id());
            commands.tell(new Command.Leave(contact.id()));
        } catch (AgiException e) {
            // the dialplan may not know the contact: it goes to the fallback queue, the router forgets it
            LOG.warn("telephony.inbound.fallback contact={} reason=\"{}\"", contact.id(), e.getMessage());
            commands.tell(new Command.Leave(contact.id()));
            tell(channel, DialplanVariables.FALLBACK);
        }
    }

    private static String argument(String[] args, int index, Pattern pattern, String otherwise) {
        if (args == null || args.length <= index || args[index] == null) {
            return otherwise;
        }
        String value = args[index].trim().toLowerCase(Locale.ROOT);
        return pattern.matcher(value).matches() ? value : otherwise;
    }
}
