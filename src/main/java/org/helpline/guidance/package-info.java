/**
 * What the operator has in front of them: guided scripts, the trafficking indicators, canned replies
 * and the exit-options directory by country (the entries every country abroad shows alike kept once, in
 * {@code abroad.yaml}), read from plain YAML files in {@code config/guidance/} that helpline staff edit
 * without touching code. Everything is validated before it is used; a bad edit is refused with the file,
 * script and step at fault while the last good content stays in use. A supervisor's re-check of an exit
 * option is written back into that entry's lines of its country file, or of abroad.yaml.
 * Depends on nothing but the JDK and Jackson.
 */
package org.helpline.guidance;
