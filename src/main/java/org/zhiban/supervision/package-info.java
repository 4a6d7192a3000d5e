/**
 * Supervision (督促指导, 宝政办发〔2022〕43号 第五章): the instruments a superior's general duty office keeps its
 * subtree on duty with. Video roll calls (视频点名, 第二十六条): scheduled with an agenda for the units called, each
 * of which comes online within its policy's minutes (第二十二条) or asks for leave before the start, is marked by the
 * organiser one unit after another, and reports the points to its own head afterwards. Requests for video images
 * (第二十三条), pushed within the unit's policy's minutes. Every deadline is an obligation on the clock, owed only
 * where the obligor's own policy holds the rule.
 */
package org.zhiban.supervision;
