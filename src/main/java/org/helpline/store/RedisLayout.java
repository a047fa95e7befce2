package org.helpline.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.helpline.config.StoreConfig.RedisConfig;
import org.helpline.core.Contact;
import org.helpline.core.HelplineEvent;
import org.helpline.core.Operator;
import org.helpline.store.PendingWrite.Index;
import org.helpline.store.PendingWrite.Put;
import org.helpline.store.PendingWrite.Remove;

/**
 * Where each thing lives in Redis and for how long. Every key starts with the configured prefix:
 * <pre>
 *   {prefix}contact:{id}    a contact as JSON, until contactTtl after its last change
 *   {prefix}contacts        sorted set of contact ids scored by arrival sequence (the queue order)
 *   {prefix}operator:{id}   an operator as JSON, until operatorTtl after their last change
 *   {prefix}operators       sorted set of operator ids
 *   {prefix}value:{key}     a small expiring value (sessions, throttles), until its own TTL
 *   {prefix}leader          with two servers: the lease, "{server} {fencing number}", until its TTL
 *   {prefix}leader:fencing  with two servers: the current leader's fencing number (grows with each leader)
 * </pre>
 */
record RedisLayout(String prefix, Duration contactTtl, Duration operatorTtl) {

    static RedisLayout of(RedisConfig config) {
        return new RedisLayout(config.keyPrefix(), config.contactTtl(), config.operatorTtl());
    }

    String contacts() {
        return prefix + "contacts";
    }

    String operators() {
        return prefix + "operators";
    }

    String contact(String id) {
        return prefix + "contact:" + id;
    }

    String operator(String id) {
        return prefix + "operator:" + id;
    }

    String lease() {
        return prefix + "leader";
    }

    String fencingNumber() {
        return prefix + "leader:fencing";
    }

    String value(String key) {
        return prefix + "value:" + key;
    }

    /** What Redis must do for these events; several changes to one contact leave only the last. */
    List<PendingWrite> writesFor(List<HelplineEvent> changes, Instant now) {
        List<PendingWrite> writes = new ArrayList<>(changes.size());
        for (HelplineEvent change : changes) {
            writes.add(switch (change) {
                case HelplineEvent.ContactChanged c when c.contact().state().isFinal() -> contactGone(c.contact());
                case HelplineEvent.ContactChanged c -> contactSaved(c.contact(), now);
                case HelplineEvent.OperatorChanged o -> operatorSaved(o.operator(), now);
                case HelplineEvent.UrgentContactWaiting u -> contactSaved(u.contact(), now);
            });
        }
        return writes;
    }

    PendingWrite valuePut(String key, String value, Duration ttl, Instant now) {
        return new Put(value(key), value, now.plus(ttl), null);
    }

    PendingWrite valueGone(String key) {
        return new Remove(value(key), null);
    }

    private PendingWrite contactSaved(Contact contact, Instant now) {
        return new Put(contact(contact.id()), StoreJson.write(contact), now.plus(contactTtl), contactEntry(contact));
    }

    private PendingWrite contactGone(Contact contact) {
        return new Remove(contact(contact.id()), contactEntry(contact));
    }

    private PendingWrite operatorSaved(Operator operator, Instant now) {
        return new Put(operator(operator.id()), StoreJson.write(operator), now.plus(operatorTtl),
                new Index(operators(), operator.id(), 0, operatorTtl));
    }

    private Index contactEntry(Contact contact) {
        return new Index(contacts(), contact.id(), contact.sequence(), contactTtl);
    }
}
