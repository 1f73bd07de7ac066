package com.servicecraft.notification.web;

import com.servicecraft.notification.NotificationInbox;
import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.shared.web.Messages;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The signed-in user's notifications, newest first, a page at a time; open one or mark all read. */
@Named
@ViewScoped
public class NotificationsPage implements Serializable {
    @Inject
    NotificationInbox notifications;
    @Inject
    LocaleSwitch locale;

    private final LazyDataModel<NotificationInbox.Shown> model = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) notifications.count();
        }

        @Override
        public List<NotificationInbox.Shown> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return notifications.page(first, pageSize, locale.current());
        }

        @Override
        public String getRowKey(NotificationInbox.Shown row) {
            return String.valueOf(row.id());
        }
    };

    /** Marks it read and follows its link (or stays on the list when it has none). */
    public void open(long id) throws IOException {
        String link = notifications.open(id);
        if (link != null) {
            ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
            ext.redirect(ext.getRequestContextPath() + link);
        }
    }

    public void markAllRead() {
        int n = notifications.markAllRead();
        Messages.info("notifications.allRead", n);
    }

    public LazyDataModel<NotificationInbox.Shown> getModel() {
        return model;
    }
}
