package org.helpline.core;

/** URGENT contacts (the caller said they are in danger now) are offered before all NORMAL ones. */
public enum Priority { NORMAL, URGENT }
