/// Upcoming meetings and the reminder before each starts (issue 7, "System tray"): which meetings to remind of
/// and when ([ReminderRules]), polling the server and showing the reminder with a Join action
/// ([MeetingReminders], [ReminderWindow]), and the system-tray icon with the next meetings and quick mute
/// ([ConveneTray], built from the toolkit-free [TrayMenu]).
package com.convene.desktop.reminders;
