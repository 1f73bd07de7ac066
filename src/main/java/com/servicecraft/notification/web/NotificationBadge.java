package com.servicecraft.notification.web;

import com.servicecraft.identity.CurrentUser;
import com.servicecraft.notification.NotificationInbox;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The unread count beside "Notifications" in the menu bar; counted once per request. */
@Named
@RequestScoped
public class NotificationBadge {
    @Inject
    NotificationInbox notifications;
    @Inject
    CurrentUser currentUser;

    private Long unread;

    public long getUnread() {
        if (unread == null) {
            unread = currentUser.isSignedIn() ? notifications.unreadCount() : 0L;
        }
        return unread;
    }
}
