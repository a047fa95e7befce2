package org.helpline.bus;

import java.util.stream.Stream;

import io.vertx.core.eventbus.EventBus;
import org.helpline.core.ChatEvent;
import org.helpline.core.ChatLine;
import org.helpline.core.ChatRequest;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.HelplineEvent;
import org.helpline.core.ListenIn;
import org.helpline.core.Operator;
import org.helpline.core.OperatorWork;
import org.helpline.core.QueuePlace;
import org.helpline.core.RejectedCommand;

/** Registers the local codec for every core message type; call once per Vert.x instance. */
public final class CoreCodecs {
    private CoreCodecs() {
    }

    public static void register(EventBus bus) {
        Stream.of(Command.class.getPermittedSubclasses(), HelplineEvent.class.getPermittedSubclasses(),
                        ChatRequest.class.getPermittedSubclasses(), ChatEvent.class.getPermittedSubclasses(),
                        new Class<?>[] {Contact.class, Operator.class, OperatorWork.class, QueuePlace.class, RejectedCommand.class,
                                ChatLine.class, ListenIn.class})
                .flatMap(Stream::of)
                .forEach(type -> registerOne(bus, type));
    }

    private static <T> void registerOne(EventBus bus, Class<T> type) {
        bus.registerDefaultCodec(type, new LocalRecordCodec<>(type));
    }
}
