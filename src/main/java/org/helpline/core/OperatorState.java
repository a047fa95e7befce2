package org.helpline.core;

/** What supervisors see: presence combined with the operator's current work. */
public enum OperatorState { OFFLINE, AVAILABLE, BUSY, WRAP_UP, PAUSED }
