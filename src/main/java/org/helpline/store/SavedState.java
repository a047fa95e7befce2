package org.helpline.store;

import java.util.List;

import org.helpline.core.Contact;
import org.helpline.core.Operator;

/** What a store gives back on start: contacts not yet finished and operators' presence. */
public record SavedState(List<Contact> contacts, List<Operator> operators) {
    public SavedState {
        contacts = List.copyOf(contacts);
        operators = List.copyOf(operators);
    }
}
