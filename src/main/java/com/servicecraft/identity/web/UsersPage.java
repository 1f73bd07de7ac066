package com.servicecraft.identity.web;

import com.servicecraft.identity.Role;
import com.servicecraft.identity.UserRow;
import com.servicecraft.identity.UserService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The searchable, paged user list for administrators. */
@Named
@ViewScoped
public class UsersPage implements Serializable {
    @Inject
    UserService users;

    private String query;
    private Role role;
    private boolean includeInactive;
    private final LazyDataModel<UserRow> model = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) users.count(query, role, includeInactive);
        }

        @Override
        public List<UserRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return users.search(query, role, includeInactive, first, pageSize);
        }

        @Override
        public String getRowKey(UserRow row) {
            return String.valueOf(row.id());
        }
    };

    public LazyDataModel<UserRow> getModel() { return model; }
    public Role[] getRoles() { return Role.values(); }
    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }
    public boolean isIncludeInactive() { return includeInactive; }
    public void setIncludeInactive(boolean includeInactive) { this.includeInactive = includeInactive; }
}
