/**
 * The working calendar: the State Council's holiday notices with make-up working days, working-day
 * arithmetic, and the important periods units declare for themselves and their subordinates.
 */
package org.zhiban.calendar;
