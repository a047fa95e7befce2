package org.helpline.core;

import java.util.List;

/** An operator and the contacts in their hands; {@code operator} is null before they first sign in. */
public record OperatorWork(Operator operator, List<Contact> contacts) {
    public OperatorWork {
        contacts = List.copyOf(contacts);
    }
}
