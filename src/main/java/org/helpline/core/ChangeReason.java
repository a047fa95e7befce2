package org.helpline.core;

/** Why a contact or an operator changed; travels with every event. */
public enum ChangeReason {
    NEW, RESTORED, OFFERED, ACCEPTED, DECLINED, OFFER_TIMEOUT, OFFER_MISSED, OPERATOR_UNAVAILABLE,
    ENDED, LEFT, WRAPPED_UP, WRAP_UP_TIMEOUT, PRESENCE, MISSED_OFFERS, WORKLOAD, PROFILE
}
