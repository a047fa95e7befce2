package org.helpline.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import org.helpline.core.Addresses;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.Operator;
import org.helpline.core.OperatorWork;
import org.helpline.core.QueuePlace;
import org.helpline.core.RejectedCommand;

/** Sends commands to the dispatch and hands back its reply, or a failed future with the rejection. */
public final class CommandSender {
    private final Vertx vertx;

    public CommandSender(Vertx vertx) {
        this.vertx = vertx;
    }

    public Future<Contact> contact(Command command) {
        return send(command).map(Contact.class::cast);
    }

    public Future<Operator> operator(Command command) {
        return send(command).map(Operator.class::cast);
    }

    public Future<OperatorWork> work(String operatorId) {
        return send(new Command.DescribeOperator(operatorId)).map(OperatorWork.class::cast);
    }

    public Future<QueuePlace> locate(String contactId) {
        return send(new Command.Locate(contactId)).map(QueuePlace.class::cast);
    }

    public Future<QueuePlace> locateCall(String channelRef) {
        return send(new Command.LocateCall(channelRef)).map(QueuePlace.class::cast);
    }

    public Future<QueuePlace> phoneLost(String channelRef) {
        return send(new Command.PhoneLost(channelRef)).map(QueuePlace.class::cast);
    }

    private Future<Object> send(Command command) {
        return vertx.eventBus().request(Addresses.COMMANDS, command)
                .map(Message::body)
                .compose(body -> body instanceof RejectedCommand rejected
                        ? Future.failedFuture(rejected)
                        : Future.succeededFuture(body));
    }
}
