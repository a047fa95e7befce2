/**
 * The server's configuration: one tree of records read from YAML by Jackson, with defaults for every
 * setting, {@code ${ENV}} references for secrets, and validation once at start-up.
 */
package org.helpline.config;
