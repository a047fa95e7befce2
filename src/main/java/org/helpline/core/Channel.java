package org.helpline.core;

/** How a contact reached the helpline. */
public enum Channel { CALL, CHAT }
