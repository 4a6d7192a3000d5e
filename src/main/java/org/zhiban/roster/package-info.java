/**
 * The duty roster: shift patterns, monthly rosters with a leader on duty and duty officers on every shift, rule
 * checks that cite the unit's policy, automatic rostering, publishing and filing, swaps, and who is on duty now.
 */
package org.zhiban.roster;
