/**
 * Notifications: in-app messages with live push to open pages, and e-mail and SMS as channels each account may
 * choose. Channels are an allow-list: consumer chat apps are refused by design (宝政办发〔2022〕43号 第三十六条).
 * Messages carry only a title, a unit and a deadline, never report content.
 */
package org.zhiban.notification;
