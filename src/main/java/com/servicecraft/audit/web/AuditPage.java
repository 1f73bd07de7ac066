package com.servicecraft.audit.web;

import com.servicecraft.audit.AuditEntry;
import com.servicecraft.audit.AuditLog;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** HR → Audit trail: every export and API call, newest first, paged. */
@Named
@ViewScoped
public class AuditPage implements Serializable {
    @Inject
    AuditLog audit;
    @Inject
    CurrentUser currentUser;

    private final LazyDataModel<AuditEntry> model = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            currentUser.requireAny(Role.HR, Role.ADMIN);
            return (int) audit.count();
        }

        @Override
        public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            currentUser.requireAny(Role.HR, Role.ADMIN);
            return audit.page(first, pageSize);
        }

        @Override
        public String getRowKey(AuditEntry row) {
            return String.valueOf(row.id());
        }
    };

    public LazyDataModel<AuditEntry> getModel() {
        return model;
    }
}
