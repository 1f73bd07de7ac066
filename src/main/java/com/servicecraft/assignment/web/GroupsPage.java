package com.servicecraft.assignment.web;

import com.servicecraft.assignment.GroupService;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** The trainer's groups (all groups for an administrator) and a form to create one. */
@Named
@ViewScoped
public class GroupsPage implements Serializable {
    @Inject
    GroupService groups;

    private List<GroupService.GroupRow> list;
    private List<GroupService.ArchivedGroupRow> archived;
    private String name;
    private String description;

    @PostConstruct
    void load() {
        list = groups.visibleGroups();
        archived = groups.archivedGroups();
    }

    public void restore(long groupId) {
        try {
            groups.restore(groupId);
            Messages.info("group.restored");
        } catch (UserInputException e) {
            Messages.error(e);
        }
        load();
    }

    public String create() {
        try {
            long id = groups.create(name, description);
            Messages.info("group.created", name.strip());
            return "/trainer/group?faces-redirect=true&id=" + id;
        } catch (UserInputException e) {
            Messages.error(e, field -> "createForm:" + field);
            return null;
        }
    }

    public List<GroupService.GroupRow> getList() { return list; }
    public List<GroupService.ArchivedGroupRow> getArchived() { return archived; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
}
