package org.helpline.core;

/** What the operator chose (or the router chose for them, after missed offers). */
public enum Presence { OFFLINE, AVAILABLE, PAUSED }
