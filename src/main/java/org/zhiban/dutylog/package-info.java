/**
 * The duty log book: entries of every call and event of a shift, to the minute, numbered per unit and year without
 * gaps, never deleted (a correction is a new version), hash-chained per unit and year.
 */
package org.zhiban.dutylog;
